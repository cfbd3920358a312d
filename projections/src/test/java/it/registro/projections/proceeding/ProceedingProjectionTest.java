package it.registro.projections.proceeding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.AgencyKind;
import it.registro.domain.poas.api.ProceedingReference;
import it.registro.domain.poas.api.ProceedingReferenceFlagged;
import it.registro.domain.proceeding.api.*;
import it.registro.projections.common.InMemoryMongo;

import static org.assertj.core.api.Assertions.assertThat;

/** The proceedings read model fed with events: overdue by unit, the yearly late report, closure report; replays change nothing. */
class ProceedingProjectionTest {

    private static final Instant T = Instant.parse("2025-06-01T08:00:00Z");
    private static final Agency CREMA = new Agency(AgencyKind.ASST, "ASST Crema");
    private static final UnitRef AGL = new UnitRef("unit-agl", "S.C. Affari Generali e Legali");
    private static final UnitRef HR = new UnitRef(null, "S.C. Gestione e Sviluppo delle Risorse Umane");
    private static final LocalDate FROM = LocalDate.of(2025, 5, 15);
    private InMemoryMongo mongo;
    private ProceedingProjection projection;

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        projection = new ProceedingProjection(mongo.template());
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    private static ProceedingOpened opened(String id, UnitRef unit, LocalDate on, LocalDate due) {
        return new ProceedingOpened(id, "type-1", CREMA, "Accesso agli atti", FROM, OpeningBasis.EX_OFFICIO, on, null, null, null, null,
                TermRule.calendarDays(30, null), "30 giorni", on, due, null, unit, unit, "Direttore Amministrativo", null);
    }

    private void concluded(String id, LocalDate on, LocalDate due, long seq) {
        boolean late = on.isAfter(due);
        projection.on(new ProceedingConcluded(id, on, null, "esito", due, late, late ? on.toEpochDay() - due.toEpochDay() : 0, false, null,
                false), seq, T, "tester");
    }

    @Test
    @DisplayName("overdue on a day, grouped by inquiry unit (linked or as written); a concluded one is not overdue")
    void overdueByUnit() {
        projection.on(opened("p1", AGL, LocalDate.of(2025, 6, 3), LocalDate.of(2025, 7, 3)), 0, T, "tester");
        projection.on(opened("p2", AGL, LocalDate.of(2025, 6, 5), LocalDate.of(2025, 7, 7)), 0, T, "tester");
        projection.on(opened("p3", HR, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1)), 0, T, "tester");
        projection.on(opened("p4", HR, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1)), 0, T, "tester");
        concluded("p4", LocalDate.of(2025, 6, 20), LocalDate.of(2025, 7, 1), 1);

        ProceedingProjection.OverdueReport r = projection.handle(new FindOverdueByUnit("ASST Crema", LocalDate.of(2025, 7, 5)));
        assertThat(r.total()).isEqualTo(2);
        assertThat(r.units()).extracting(ProceedingProjection.UnitGroup::unitAsRecorded)
                .containsExactly("S.C. Affari Generali e Legali", "S.C. Gestione e Sviluppo delle Risorse Umane");
        assertThat(r.units().get(0).proceedings()).extracting(ProceedingProjection.OverdueRow::proceedingId).containsExactly("p1");
        assertThat(r.units().get(0).proceedings().get(0).daysOverdue()).isEqualTo(2);
        assertThat(projection.handle(new FindOpenProceedings("ASST Crema"))).extracting(ProceedingView::getId)
                .containsExactly("p3", "p1", "p2");
    }

    @Test
    @DisplayName("the late report counts by type and unit only conclusions inside the year; a replayed event is not counted twice")
    void lateReport() {
        projection.on(opened("p1", AGL, LocalDate.of(2025, 6, 3), LocalDate.of(2025, 7, 3)), 0, T, "tester");
        projection.on(opened("p2", AGL, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)), 0, T, "tester");
        concluded("p1", LocalDate.of(2025, 7, 8), LocalDate.of(2025, 7, 3), 1);
        concluded("p1", LocalDate.of(2025, 7, 8), LocalDate.of(2025, 7, 3), 1); // replayed
        concluded("p2", LocalDate.of(2026, 1, 9), LocalDate.of(2025, 12, 31), 1);

        ProceedingProjection.LateReport r2025 = projection.handle(new FindLateReport("ASST Crema", 2025));
        assertThat(r2025.concluded()).isEqualTo(1);
        assertThat(r2025.late()).isEqualTo(1);
        assertThat(r2025.rows()).singleElement().satisfies(row -> {
            assertThat(row.late()).isEqualTo(1);
            assertThat(row.maxDaysLate()).isEqualTo(5);
            assertThat(row.unitId()).isEqualTo("unit-agl");
        });
        assertThat(r2025.dueBy()).isEqualTo(LocalDate.of(2026, 1, 30));
        assertThat(projection.handle(new FindLateReport("ASST Crema", 2026)).rows().get(0).maxDaysLate()).isEqualTo(9);
        assertThat(projection.handle(new FindProceeding("p1")).orElseThrow().getHistory()).hasSize(2);
    }

    @Test
    @DisplayName("types and open proceedings naming a unit, then the closure report and its reassignments")
    void closureReport() {
        TypeVersion v = new TypeVersion(FROM, "Accesso agli atti", "AG", AGL, HR, "30 giorni", TermRule.calendarDays(30, null), false, false,
                "Direttore Amministrativo", null);
        projection.on(new ProceedingTypeDefined("type-1", CREMA, v), 0);
        projection.on(opened("p1", AGL, LocalDate.of(2025, 6, 3), LocalDate.of(2025, 7, 3)), 0, T, "tester");
        assertThat(projection.handle(new FindProceedingsNamingUnit("unit-agl"))).containsExactly(
                new ProceedingReference("type-1", "TYPE", "INQUIRY"), new ProceedingReference("p1", "INSTANCE", "INQUIRY"),
                new ProceedingReference("p1", "INSTANCE", "FINAL_ACT"));
        LocalDate last = LocalDate.of(2025, 12, 31);
        for (ProceedingReference ref : projection.handle(new FindProceedingsNamingUnit("unit-agl"))) {
            projection.on(new ProceedingReferenceFlagged("unit-agl", ref.proceedingId(), ref.scope(), ref.role(), last, "act-poas", null));
        }
        // replayed flag
        projection.on(new ProceedingReferenceFlagged("unit-agl", "type-1", "TYPE", "INQUIRY", last, "act-poas", null));
        assertThat(projection.handle(new FindUnitClosureReport("unit-agl")).orElseThrow().getPending()).isEqualTo(3);
        UnitRef to = new UnitRef("unit-new", "S.C. nuova");
        projection.on(new ProceedingTypeUnitReassigned("type-1", "unit-agl", to, List.of("INQUIRY"), "act-poas", null,
                LocalDate.of(2026, 1, 1)), 1);
        UnitClosureView report = projection.handle(new FindUnitClosureReport("unit-agl")).orElseThrow();
        assertThat(report.getPending()).isEqualTo(2);
        assertThat(report.getItems().get(0).reassignedTo()).isEqualTo(to);
        ProceedingTypeView type = projection.handle(new FindProceedingType("type-1")).orElseThrow();
        assertThat(type.versionOn(LocalDate.of(2025, 12, 31)).orElseThrow().inquiryUnit()).isEqualTo(AGL);
        assertThat(type.versionOn(LocalDate.of(2026, 1, 1)).orElseThrow().inquiryUnit()).isEqualTo(to);
        assertThat(type.versionOn(LocalDate.of(2026, 1, 1)).orElseThrow().finalActUnit()).isEqualTo(HR);
        assertThat(projection.handle(new FindProceedingsNamingUnit("unit-agl"))).extracting(ProceedingReference::proceedingId)
                .containsOnly("p1");
    }
}
