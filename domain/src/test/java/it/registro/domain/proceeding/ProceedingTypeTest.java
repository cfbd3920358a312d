package it.registro.domain.proceeding;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.act.api.ActFacts;
import it.registro.domain.body.api.Agency;
import it.registro.domain.body.api.AgencyKind;
import it.registro.domain.proceeding.api.*;

import static it.registro.domain.common.Rejections.rejectedWith;

/** The catalogue of ASST Crema, seed 003 row 1 (L20-100): "30 giorni NO" (L58), S.C. Affari Generali e Legali. */
class ProceedingTypeTest {

    static final Agency CREMA = new Agency(AgencyKind.ASST, "ASST Crema");
    static final String AREA = "AFFARI GENERALI E LEGALI";
    static final String NAME = "Incarichi e/o liquidazione compensi a professionisti esterni";
    static final String ID = ProceedingTypeIds.of("ASST Crema", AREA, NAME);
    static final String AGL = "unit-asst-crema-sc-fixture-agl-staff";
    static final String NEW_AGL = "unit-asst-crema-sc-fixture-agl2-staff";
    static final String POAS_ACT = "dg-asst-crema-decreto-1-2025";
    static final LocalDate FROM = LocalDate.of(2025, 5, 15);
    static final UnitRef AGL_REF = new UnitRef(AGL, "S.C. Affari Generali e Legali");

    static ProceedingReferences refs() {
        Set<String> units = Set.of(AGL, NEW_AGL);
        return new ProceedingReferences() {
            public boolean unitExists(String unitId) {
                return units.contains(unitId);
            }

            public boolean sessionExists(String sessionId) {
                return sessionId.equals("session-1");
            }
        };
    }

    static ActFacts acts() {
        return id -> id.equals(POAS_ACT) ? Optional.of(new ActFacts.ActFact(id, "dg-asst-crema", LocalDate.of(2025, 6, 1), false))
                : Optional.empty();
    }

    private static AggregateTestFixture<ProceedingType> fixture() {
        AggregateTestFixture<ProceedingType> f = new AggregateTestFixture<>(ProceedingType.class);
        f.registerInjectableResource(refs());
        f.registerInjectableResource(acts());
        return f;
    }

    static DefineProceedingType define(String termText, TermRule term) {
        return new DefineProceedingType(ID, CREMA, FROM, NAME, AREA, AGL_REF, AGL_REF, termText, term, false,
                "Direttore Dipartimento Amministrativo", "seed 003 L20-100");
    }

    static TypeVersion version(String termText, TermRule rule, boolean stated) {
        return new TypeVersion(FROM, NAME, AREA, AGL_REF, AGL_REF, termText, rule, stated, false,
                "Direttore Dipartimento Amministrativo", "seed 003 L20-100");
    }

    static ProceedingTypeDefined defined() {
        return new ProceedingTypeDefined(ID, CREMA, version("30 giorni", TermRule.calendarDays(30, null), false));
    }

    @Test
    @DisplayName("the term is read from the table's text and kept beside it")
    void defineFromText() {
        fixture().givenNoPriorActivity().when(define("30 giorni", null)).expectEvents(defined());
    }

    @Test
    @DisplayName("an unreadable term is TERM_UNPARSEABLE; stated as NOT_SET it is accepted with its text")
    void unparseableTerm() {
        String text = "1) 30 gg dalla richiesta; 2) 30 gg dai pareri definitivi"; // row 8, L838-922
        fixture().givenNoPriorActivity().when(define(text, null))
                .expectNoEvents().expectException(rejectedWith("TERM_UNPARSEABLE", "termText"));
        fixture().givenNoPriorActivity().when(define(text, TermRule.notSet()))
                .expectEvents(new ProceedingTypeDefined(ID, CREMA, version(text, TermRule.notSet(), true)));
        fixture().givenNoPriorActivity().when(define(text, new TermRule(TermKind.WORKING_DAYS, null, null, null, null, null)))
                .expectNoEvents().expectException(rejectedWith("TERM_UNPARSEABLE", "term.amount"));
    }

    @Test
    @DisplayName("a unit that is not in the register is UNIT_NOT_FOUND; an id not from agency, area and name is refused")
    void refusals() {
        fixture().givenNoPriorActivity().when(new DefineProceedingType(ID, CREMA, FROM, NAME, AREA, new UnitRef("unit-none", "X"), null,
                        "30 giorni", null, false, "DA", null))
                .expectNoEvents().expectException(rejectedWith("UNIT_NOT_FOUND", "inquiryUnit.unitId"));
        fixture().givenNoPriorActivity().when(new DefineProceedingType("other-id", CREMA, FROM, NAME, AREA, AGL_REF, null,
                        "30 giorni", null, false, "DA", null))
                .expectNoEvents().expectException(rejectedWith("PROCEEDING_TYPE_ID_MISMATCH"));
    }

    @Test
    @DisplayName("a revision starts after the current version")
    void revise() {
        LocalDate next = LocalDate.of(2026, 1, 1);
        fixture().given(defined()).when(new ReviseProceedingType(ID, next, NAME, AREA, AGL_REF, AGL_REF, "45 giorni", null, false,
                        "Direttore Dipartimento Amministrativo", null))
                .expectEvents(new ProceedingTypeRevised(ID, new TypeVersion(next, NAME, AREA, AGL_REF, AGL_REF, "45 giorni",
                        TermRule.calendarDays(45, null), false, false, "Direttore Dipartimento Amministrativo", null)));
        fixture().given(defined()).when(new ReviseProceedingType(ID, FROM, NAME, AREA, AGL_REF, AGL_REF, "45 giorni", null, false,
                        "DA", null))
                .expectNoEvents().expectException(rejectedWith("DATES_OUT_OF_ORDER", "validFrom"));
    }

    @Test
    @DisplayName("a closed unit is reassigned under the POAS act, in both roles it held")
    void reassign() {
        LocalDate jan1 = LocalDate.of(2026, 1, 1);
        UnitRef to = new UnitRef(NEW_AGL, "S.C. Affari Generali, Legali e Privacy");
        fixture().given(defined()).when(new ReassignProceedingTypeUnit(ID, AGL, to, POAS_ACT, "poas-x", jan1))
                .expectEvents(new ProceedingTypeUnitReassigned(ID, AGL, to, List.of("INQUIRY", "FINAL_ACT"), POAS_ACT, "poas-x", jan1));
        fixture().given(defined()).when(new ReassignProceedingTypeUnit(ID, NEW_AGL, to, POAS_ACT, null, jan1))
                .expectNoEvents().expectException(rejectedWith("UNIT_NOT_NAMED"));
        fixture().given(defined()).when(new ReassignProceedingTypeUnit(ID, AGL, to, "no-act", null, jan1))
                .expectNoEvents().expectException(rejectedWith("UNKNOWN_ACT"));
    }
}
