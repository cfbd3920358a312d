package it.registro.domain.poas;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.act.api.ActFacts;
import it.registro.domain.poas.api.*;

/** Closing a unit that proceedings still name flags each of them, as a dangling reference is flagged. */
class UnitClosureProceedingsTest {

    private static final String UNIT = UnitIds.of("ASST Crema", UnitType.SC, "FIXTURE-1", null);
    private static final String ACT = "dg-asst-crema-decreto-1-2025";
    private static final LocalDate LAST = LocalDate.of(2025, 12, 31);

    @Test
    @DisplayName("a proceeding type (both roles) and an open proceeding naming the unit are flagged, under the closing act")
    void flagsProceedings() {
        AggregateTestFixture<OrgUnit> f = new AggregateTestFixture<>(OrgUnit.class);
        f.registerInjectableResource((ActFacts) id -> id.equals(ACT)
                ? Optional.of(new ActFacts.ActFact(id, "dg-asst-crema", LocalDate.of(2025, 6, 1), false)) : Optional.empty());
        f.registerInjectableResource(new FakePoasFacts(Map.of(ACT, "poas-x")));
        f.registerInjectableResource(new UnitDirectory() {
            public List<String> referrers(String unitId) {
                return List.of();
            }

            public Optional<LocalDate> lastDay(String unitId) {
                return Optional.empty();
            }

            public boolean exists(String unitId) {
                return true;
            }

            public Optional<String> parentOf(String unitId) {
                return Optional.empty();
            }

            @Override
            public List<ProceedingReference> proceedingsNaming(String unitId) {
                return List.of(new ProceedingReference("type-1", "TYPE", "INQUIRY"), new ProceedingReference("type-1", "TYPE", "FINAL_ACT"),
                        new ProceedingReference("proc-1", "INSTANCE", "INQUIRY"));
            }
        });
        f.given(new UnitRecordedAsExisting(UNIT, "ASST Crema", UnitType.SC, "FIXTURE-1", "AFFARI GENERALI E LEGALI", null, null, null))
                .when(new ScheduleUnitClosure(UNIT, LAST, null, null, null, ACT, "poas-x", null))
                .expectEvents(new UnitClosureScheduled(UNIT, LAST, null, null, null, ACT, "poas-x", null),
                        new ProceedingReferenceFlagged(UNIT, "type-1", "TYPE", "INQUIRY", LAST, ACT, "poas-x"),
                        new ProceedingReferenceFlagged(UNIT, "type-1", "TYPE", "FINAL_ACT", LAST, ACT, "poas-x"),
                        new ProceedingReferenceFlagged(UNIT, "proc-1", "INSTANCE", "INQUIRY", LAST, ACT, "poas-x"));
    }
}
