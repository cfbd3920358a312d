package it.registro.domain.proceeding;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.proceeding.api.*;

import static it.registro.domain.common.Rejections.rejectedWith;
import static it.registro.domain.proceeding.ProceedingTypeTest.*;

/** A request under seed 003 row 1 (30 days, L58): opening, suspension, conclusion, inertia and escalation. */
class ProceedingTest {

    static final String P = "proc-1";
    static final LocalDate JUN_3 = LocalDate.of(2025, 6, 3);

    private static AggregateTestFixture<Proceeding> fixture() {
        AggregateTestFixture<Proceeding> f = new AggregateTestFixture<>(Proceeding.class);
        TypeHistory type = TypeHistory.of(List.of(defined()));
        f.registerInjectableResource((ProceedingCatalogue) id -> id.equals(ID) ? Optional.of(type) : Optional.empty());
        f.registerInjectableResource(refs());
        f.registerInjectableResource(acts());
        return f;
    }

    static ProceedingOpened opened() {
        return new ProceedingOpened(P, ID, CREMA, NAME, FROM, OpeningBasis.REQUEST, JUN_3, null, "1234/2025", "Rossi", null,
                TermRule.calendarDays(30, null), "30 giorni", JUN_3, LocalDate.of(2025, 7, 3), null, AGL_REF, AGL_REF,
                "Direttore Dipartimento Amministrativo", null);
    }

    @Test
    @DisplayName("a request opens with the due date of the type's term: 30 days from the protocol date")
    void open() {
        fixture().givenNoPriorActivity()
                .when(new OpenProceeding(P, ID, OpeningBasis.REQUEST, JUN_3, null, "1234/2025", "Rossi", null, null, null, null))
                .expectEvents(opened());
    }

    @Test
    @DisplayName("an unknown type is UNKNOWN_PROCEEDING_TYPE; before the type's first version, PROCEEDING_TYPE_NOT_IN_FORCE")
    void unknownType() {
        fixture().givenNoPriorActivity()
                .when(new OpenProceeding(P, "no-type", OpeningBasis.EX_OFFICIO, JUN_3, null, null, null, null, null, null, null))
                .expectNoEvents().expectException(rejectedWith("UNKNOWN_PROCEEDING_TYPE", "proceedingTypeId"));
        fixture().givenNoPriorActivity()
                .when(new OpenProceeding(P, ID, OpeningBasis.EX_OFFICIO, LocalDate.of(2024, 1, 1), null, null, null, null, null, null, null))
                .expectNoEvents().expectException(rejectedWith("PROCEEDING_TYPE_NOT_IN_FORCE"));
        fixture().givenNoPriorActivity()
                .when(new OpenProceeding(P, ID, OpeningBasis.REQUEST, JUN_3, null, null, null, null, null, null, null))
                .expectNoEvents().expectException(rejectedWith("FIELD_REQUIRED", "protocolNumber"));
    }

    @Test
    @DisplayName("an access request names the session or act it is for; an unknown one is refused")
    void accessRequest() {
        fixture().givenNoPriorActivity()
                .when(new OpenProceeding(P, ID, OpeningBasis.REQUEST, JUN_3, null, "1/2025", null, null, null,
                        new Subject(Subject.Kind.SESSION, "session-none"), null))
                .expectNoEvents().expectException(rejectedWith("UNKNOWN_SESSION", "subject.id"));
        fixture().givenNoPriorActivity()
                .when(new OpenProceeding(P, ID, OpeningBasis.REQUEST, JUN_3, null, "1/2025", null, null, null,
                        new Subject(Subject.Kind.ACT, "act-none"), null))
                .expectNoEvents().expectException(rejectedWith("UNKNOWN_ACT", "subject.id"));
    }

    @Test
    @DisplayName("a suspension of 10 days moves the due date by 10 days; beyond 30 days, or a second time, it is refused")
    void suspension() {
        fixture().given(opened())
                .when(new SuspendProceeding(P, "richiesta integrazioni", LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 19)))
                .expectEvents(new ProceedingSuspended(P, "richiesta integrazioni", LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 19), 10,
                        LocalDate.of(2025, 7, 3), LocalDate.of(2025, 7, 14), null)); // 13 July is a Sunday
        fixture().given(opened())
                .when(new SuspendProceeding(P, "r", LocalDate.of(2025, 6, 10), LocalDate.of(2025, 7, 10)))
                .expectNoEvents().expectException(rejectedWith("SUSPENSION_TOO_LONG", "to"));
        fixture().given(opened(), new ProceedingSuspended(P, "r", LocalDate.of(2025, 6, 10), LocalDate.of(2025, 6, 11), 2,
                        LocalDate.of(2025, 7, 3), LocalDate.of(2025, 7, 5), null))
                .when(new SuspendProceeding(P, "r", LocalDate.of(2025, 6, 20), LocalDate.of(2025, 6, 21)))
                .expectNoEvents().expectException(rejectedWith("SUSPENSION_ALREADY_USED"));
    }

    @Test
    @DisplayName("a conclusion before the opening is refused; one after the due date is late by its days")
    void conclusion() {
        fixture().given(opened()).when(new ConcludeProceeding(P, LocalDate.of(2025, 6, 1), null, "risposta"))
                .expectNoEvents().expectException(rejectedWith("CONCLUSION_BEFORE_OPENING", "on"));
        fixture().given(opened()).when(new ConcludeProceeding(P, LocalDate.of(2025, 7, 8), POAS_ACT, null))
                .expectEvents(new ProceedingConcluded(P, LocalDate.of(2025, 7, 8), POAS_ACT, null, LocalDate.of(2025, 7, 3), true, 5,
                        false, null, false));
        fixture().given(opened()).when(new ConcludeProceeding(P, LocalDate.of(2025, 7, 8), "no-act", null))
                .expectNoEvents().expectException(rejectedWith("UNKNOWN_ACT", "actId"));
        fixture().given(opened()).when(new ConcludeProceeding(P, LocalDate.of(2025, 7, 8), null, null))
                .expectNoEvents().expectException(rejectedWith("FIELD_REQUIRED", "actId"));
    }

    @Test
    @DisplayName("inertia on a business date after the term escalates to the holder, who has half the term (15 of 30 days)")
    void escalation() {
        LocalDate jul10 = LocalDate.of(2025, 7, 10);
        fixture().given(opened()).when(new EscalateInertia(P, LocalDate.of(2025, 7, 3), null))
                .expectNoEvents().expectException(rejectedWith("NOT_OVERDUE", "on"));
        fixture().given(opened()).when(new EscalateInertia(P, jul10, null))
                .expectEvents(new InertiaRecorded(P, LocalDate.of(2025, 7, 3), jul10, 7),
                        new SubstitutePowerInvoked(P, "Direttore Dipartimento Amministrativo", jul10,
                                TermRule.calendarDays(15, "substitute power"), LocalDate.of(2025, 7, 25), null));
        SubstitutePowerInvoked invoked = new SubstitutePowerInvoked(P, "Direttore Dipartimento Amministrativo", jul10,
                TermRule.calendarDays(15, "substitute power"), LocalDate.of(2025, 7, 25), null);
        fixture().given(opened(), new InertiaRecorded(P, LocalDate.of(2025, 7, 3), jul10, 7), invoked)
                .when(new ConcludeProceeding(P, LocalDate.of(2025, 7, 28), null, "provvedimento del titolare"))
                .expectEvents(new ProceedingConcluded(P, LocalDate.of(2025, 7, 28), null, "provvedimento del titolare",
                        LocalDate.of(2025, 7, 3), true, 25, true, LocalDate.of(2025, 7, 25), true));
        fixture().given(opened(), new InertiaRecorded(P, LocalDate.of(2025, 7, 3), jul10, 7), invoked)
                .when(new EscalateInertia(P, LocalDate.of(2025, 7, 30), null))
                .expectNoEvents().expectException(rejectedWith("ALREADY_ESCALATED"));
    }

    @Test
    @DisplayName("a term in hours: inertia is judged at a time, and the substitute has half the hours from then")
    void hoursEscalation() {
        java.time.LocalDateTime due = LocalDate.of(2025, 6, 4).atTime(10, 15);
        ProceedingOpened o = opened();
        ProceedingOpened hours = new ProceedingOpened(P, ID, CREMA, NAME, FROM, OpeningBasis.REQUEST, JUN_3, java.time.LocalTime.of(10, 15),
                "1234/2025", null, null, TermRule.hours(24, "dall'istanza"), "entro 24 ore dall'istanza", JUN_3, due.toLocalDate(), due,
                o.inquiryUnit(), o.finalActUnit(), o.substitutePowerHolder(), null);
        fixture().given(hours).when(new EscalateInertia(P, LocalDate.of(2025, 6, 4), null))
                .expectNoEvents().expectException(rejectedWith("FIELD_REQUIRED", "at"));
        fixture().given(hours).when(new EscalateInertia(P, LocalDate.of(2025, 6, 4), java.time.LocalTime.of(10, 0)))
                .expectNoEvents().expectException(rejectedWith("NOT_OVERDUE"));
        fixture().given(hours).when(new EscalateInertia(P, LocalDate.of(2025, 6, 4), java.time.LocalTime.of(11, 0)))
                .expectEvents(new InertiaRecorded(P, due.toLocalDate(), LocalDate.of(2025, 6, 4), 0),
                        new SubstitutePowerInvoked(P, o.substitutePowerHolder(), LocalDate.of(2025, 6, 4), TermRule.hours(12, "substitute power"),
                                LocalDate.of(2025, 6, 4), LocalDate.of(2025, 6, 4).atTime(23, 0)));
    }

    @Test
    @DisplayName("an open proceeding's closed unit is reassigned under the POAS act; a concluded one is not")
    void reassign() {
        LocalDate jan1 = LocalDate.of(2026, 1, 1);
        UnitRef to = new UnitRef(NEW_AGL, "S.C. nuova");
        fixture().given(opened()).when(new ReassignProceedingUnit(P, AGL, to, POAS_ACT, null, jan1))
                .expectEvents(new ProceedingUnitReassigned(P, AGL, to, List.of("INQUIRY", "FINAL_ACT"), POAS_ACT, null, jan1));
        fixture().given(opened(), new ProceedingConcluded(P, LocalDate.of(2025, 7, 1), null, "n", LocalDate.of(2025, 7, 3), false, 0,
                        false, null, false))
                .when(new ReassignProceedingUnit(P, AGL, to, POAS_ACT, null, jan1))
                .expectNoEvents().expectException(rejectedWith("PROCEEDING_CONCLUDED"));
    }
}
