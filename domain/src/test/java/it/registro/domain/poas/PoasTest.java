package it.registro.domain.poas;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.act.api.ActFacts;
import it.registro.domain.poas.api.*;

import static it.registro.domain.common.Rejections.rejectedWith;
import static org.hamcrest.Matchers.instanceOf;

/** The POAS 2022-2024 of ASST Cremona (seed 000): submitted 10/06/2022, FIXTURE DGR XI/9001. */
class PoasTest {

    private static final String P = "poas-asst-cremona-2022-2024";
    private static final LocalDate JUN_10 = LocalDate.of(2022, 6, 10);
    private static final String D279 = "dg-asst-cremona-decreto-279-2022";
    private static final String DGR = "giunta-regionale-lombardia-dgr-xi-9001-2022";
    private AggregateTestFixture<Poas> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Poas.class);
        fixture.registerInjectableResource((ActFacts) id -> id.equals(D279) || id.equals(DGR)
                ? Optional.of(new ActFacts.ActFact(id, "x", JUN_10, false)) : Optional.empty());
    }

    private static List<Object> submitted() {
        return List.of(new PoasOpened(P, "ASST Cremona", "2022-2024", null, null),
                new PoasAdopted(P, D279, JUN_10, null),
                new PoasSubmitted(P, JUN_10, "G1.2022.0024599", "POAS WEB", JUN_10, null));
    }

    @Test
    @DisplayName("P4 c, d: an approval on day 52 or day 60 is in time, with no flag")
    void inTime() {
        for (LocalDate on : List.of(LocalDate.of(2022, 8, 1), LocalDate.of(2022, 8, 9))) {
            new AggregateTestFixture<>(Poas.class).registerInjectableResource((ActFacts) id -> Optional.of(new ActFacts.ActFact(id, "x", on, false)))
                    .given(submitted())
                    .when(new ApprovePoas(P, DGR, on, "A voti unanimi, espressi nelle forme di legge", null, null))
                    .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(instanceOf(PoasApproved.class), Matchers.andNoMore())));
        }
    }

    @Test
    @DisplayName("P4 e: an approval on day 63 is accepted and flagged 3 days over (due 09/08/2022)")
    void late() {
        LocalDate aug12 = LocalDate.of(2022, 8, 12);
        fixture.given(submitted())
                .when(new ApprovePoas(P, DGR, aug12, null, null, null))
                .expectEvents(new PoasApproved(P, DGR, aug12, null, null, null),
                        new ApprovalDeadlineExceeded(P, JUN_10, LocalDate.of(2022, 8, 9), aug12, 3));
    }

    @Test
    @DisplayName("P1: an approval before the submission, a second approval, an unknown act are refused")
    void refusals() {
        fixture.given(submitted())
                .when(new ApprovePoas(P, DGR, LocalDate.of(2022, 6, 9), null, null, null))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
        List<Object> approved = new java.util.ArrayList<>(submitted());
        approved.add(new PoasApproved(P, DGR, LocalDate.of(2022, 8, 1), null, null, null));
        fixture.given(approved)
                .when(new ApprovePoas(P, DGR, LocalDate.of(2022, 8, 2), null, null, null))
                .expectException(rejectedWith("POAS_ALREADY_APPROVED")).expectNoEvents();
        fixture.given(submitted())
                .when(new ApprovePoas(P, "no-act", LocalDate.of(2022, 8, 1), null, null, null))
                .expectException(rejectedWith("UNKNOWN_ACT")).expectNoEvents();
    }

    @Test
    @DisplayName("P3: an approval recorded without its date is dated later; a date before the submission is refused")
    void approvalDatedLater() {
        List<Object> undated = new java.util.ArrayList<>(submitted());
        undated.add(new PoasApproved(P, DGR, null, "A voti unanimi", null, null));
        fixture.given(undated)
                .when(new DateApproval(P, DGR, LocalDate.of(2022, 6, 9), null))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
        fixture.given(undated)
                .when(new DateApproval(P, DGR, LocalDate.of(2022, 8, 1), null))
                .expectEvents(new PoasApprovalDated(P, DGR, LocalDate.of(2022, 8, 1), null));
    }

    @Test
    @DisplayName("the submission needs an adoption and cannot precede it")
    void submission() {
        fixture.given(new PoasOpened(P, "ASST Cremona", "2022-2024", null, null))
                .when(new SubmitPoas(P, JUN_10, null, null, null, null))
                .expectException(rejectedWith("POAS_NOT_ADOPTED")).expectNoEvents();
        fixture.given(new PoasOpened(P, "ASST Cremona", "2022-2024", null, null), new PoasAdopted(P, D279, JUN_10, null))
                .when(new SubmitPoas(P, JUN_10.minusDays(1), null, null, null, null))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
    }

    @Test
    @DisplayName("P6: a chain without a recorded submission is approved after its adoption; an amendment makes version 2; both refuse dates before the approval")
    void olderChainAmended() {
        String old = "poas-asst-cremona-2016-2018";
        LocalDate adopted = LocalDate.of(2016, 10, 27);
        LocalDate approvedOn = LocalDate.of(2017, 3, 13);
        List<Object> approved = List.of(new PoasOpened(old, "ASST Cremona", "2016-2018", null, null),
                new PoasAdopted(old, D279, adopted, null), new PoasApproved(old, DGR, approvedOn, null, null, null));
        fixture.given(approved.subList(0, 2))
                .when(new ApprovePoas(old, DGR, approvedOn, null, null, null))
                .expectEvents(new PoasApproved(old, DGR, approvedOn, null, null, null));
        fixture.given(approved.subList(0, 2))
                .when(new ApprovePoas(old, DGR, LocalDate.of(2016, 10, 1), null, null, null))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
        fixture.given(approved)
                .when(new TransposePoasApproval(old, D279, LocalDate.of(2017, 3, 10), null))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
        LocalDate aug2 = LocalDate.of(2021, 8, 2);
        fixture.given(approved)
                .when(new AmendPoas(old, DGR, aug2, "aggiornamento 2021", null, null))
                .expectEvents(new PoasAmended(old, DGR, aug2, "aggiornamento 2021", null, 2, null));
        fixture.given(List.of(new PoasOpened(old, "ASST Cremona", "2016-2018", null, null), new PoasAdopted(old, D279, adopted, null)))
                .when(new AmendPoas(old, DGR, aug2, null, null, null))
                .expectException(rejectedWith("POAS_NOT_APPROVED")).expectNoEvents();
    }

    // FIXTURE: the seeds hold no later modification of the 2022-2024 POAS; DM1 and DGR2 stand for one
    private static final String DM1 = "dg-asst-cremona-decreto-901-2023";
    private static final String DGR2 = "giunta-regionale-lombardia-dgr-xii-1001-2023";
    private static final LocalDate AUG_1 = LocalDate.of(2022, 8, 1);
    private static final LocalDate FEB_15 = LocalDate.of(2023, 2, 15);
    private static final LocalDate FEB_20 = LocalDate.of(2023, 2, 20);

    private org.axonframework.test.aggregate.FixtureConfiguration<Poas> modifications() {
        return new AggregateTestFixture<>(Poas.class).registerInjectableResource((ActFacts) id -> List.of(D279, DGR, DM1, DGR2).contains(id)
                ? Optional.of(new ActFacts.ActFact(id, "x", JUN_10, false)) : Optional.empty());
    }

    private static List<Object> approved() {
        List<Object> events = new java.util.ArrayList<>(submitted());
        events.add(new PoasApproved(P, DGR, AUG_1, null, null, null));
        return events;
    }

    private static List<Object> modificationSubmitted() {
        List<Object> events = new java.util.ArrayList<>(approved());
        events.add(new PoasModificationAdopted(P, "m1", DM1, FEB_15, "Modifica 2023", null));
        events.add(new PoasModificationSubmitted(P, "m1", FEB_20, "G1.2023.1", "POAS WEB", null));
        return events;
    }

    @Test
    @DisplayName("a later modification walks the same chain: adopted, submitted, reviewed, approved as version 2")
    void modificationChain() {
        modifications().given(approved())
                .when(new AdoptPoasModification(P, "m1", DM1, FEB_15, "Modifica 2023", null))
                .expectEvents(new PoasModificationAdopted(P, "m1", DM1, FEB_15, "Modifica 2023", null));
        modifications().given(modificationSubmitted())
                .when(new ReviewPoasModification(P, "m1", LocalDate.of(2023, 3, 10), "DG Welfare", null, "FAVOURABLE", null, null))
                .expectEvents(new PoasModificationReviewed(P, "m1", LocalDate.of(2023, 3, 10), "DG Welfare", null, "FAVOURABLE", List.of(), null));
        LocalDate apr3 = LocalDate.of(2023, 4, 3);
        modifications().given(modificationSubmitted())
                .when(new ApprovePoasModification(P, "m1", DGR2, apr3, null, null))
                .expectEvents(new PoasModificationApproved(P, "m1", DGR2, apr3, null, 2, DM1, null));
    }

    @Test
    @DisplayName("a modification approved on day 63 after its submission is accepted and flagged, as the POAS itself")
    void modificationLate() {
        LocalDate day63 = FEB_20.plusDays(63);
        modifications().given(modificationSubmitted())
                .when(new ApprovePoas(P, DGR2, day63, null, null, null))
                .expectNoEvents().expectException(rejectedWith("POAS_ALREADY_APPROVED"));
        modifications().given(modificationSubmitted())
                .when(new ApprovePoasModification(P, "m1", DGR2, day63, null, null))
                .expectEvents(new PoasModificationApproved(P, "m1", DGR2, day63, null, 2, DM1, null),
                        new ModificationDeadlineExceeded(P, "m1", FEB_20, FEB_20.plusDays(60), day63, 3));
    }

    @Test
    @DisplayName("modification refusals: before approval, out of order, unknown, one at a time, one act per chain, twice")
    void modificationRefusals() {
        modifications().given(submitted())
                .when(new AdoptPoasModification(P, "m1", DM1, FEB_15, null, null))
                .expectNoEvents().expectException(rejectedWith("POAS_NOT_APPROVED"));
        modifications().given(approved())
                .when(new AdoptPoasModification(P, "m1", DM1, LocalDate.of(2022, 7, 1), null, null))
                .expectNoEvents().expectException(rejectedWith("DATES_OUT_OF_ORDER"));
        modifications().given(approved())
                .when(new AdoptPoasModification(P, "M 1", DM1, FEB_15, null, null))
                .expectNoEvents().expectException(rejectedWith("MODIFICATION_ID_MALFORMED"));
        modifications().given(approved())
                .when(new AdoptPoasModification(P, "m1", D279, FEB_15, null, null))
                .expectNoEvents().expectException(rejectedWith("ACT_ALREADY_USED"));
        modifications().given(approved())
                .when(new AdoptPoasModification(P, "m1", "no-such-act", FEB_15, null, null))
                .expectNoEvents().expectException(rejectedWith("UNKNOWN_ACT"));
        modifications().given(modificationSubmitted())
                .when(new AdoptPoasModification(P, "m2", DGR2, FEB_20, null, null))
                .expectNoEvents().expectException(rejectedWith("MODIFICATION_IN_PROGRESS"));
        modifications().given(modificationSubmitted())
                .when(new AdoptPoasModification(P, "m1", DGR2, FEB_20, null, null))
                .expectNoEvents().expectException(rejectedWith("MODIFICATION_ALREADY_EXISTS"));
        modifications().given(modificationSubmitted())
                .when(new SubmitPoasModification(P, "m1", FEB_20, null, null, null))
                .expectNoEvents().expectException(rejectedWith("MODIFICATION_ALREADY_SUBMITTED"));
        modifications().given(approved())
                .when(new SubmitPoasModification(P, "m9", FEB_20, null, null, null))
                .expectNoEvents().expectException(rejectedWith("MODIFICATION_NOT_FOUND"));
        List<Object> adopted = new java.util.ArrayList<>(approved());
        adopted.add(new PoasModificationAdopted(P, "m1", DM1, FEB_15, null, null));
        modifications().given(adopted)
                .when(new ApprovePoasModification(P, "m1", DGR2, FEB_20, null, null))
                .expectNoEvents().expectException(rejectedWith("MODIFICATION_NOT_SUBMITTED"));
        modifications().given(adopted)
                .when(new SubmitPoasModification(P, "m1", LocalDate.of(2023, 2, 1), null, null, null))
                .expectNoEvents().expectException(rejectedWith("DATES_OUT_OF_ORDER"));
        modifications().given(modificationSubmitted())
                .when(new ApprovePoasModification(P, "m1", DGR2, LocalDate.of(2023, 2, 19), null, null))
                .expectNoEvents().expectException(rejectedWith("DATES_OUT_OF_ORDER"));
        List<Object> done = new java.util.ArrayList<>(modificationSubmitted());
        done.add(new PoasModificationApproved(P, "m1", DGR2, LocalDate.of(2023, 4, 3), null, 2, DM1, null));
        modifications().given(done)
                .when(new ApprovePoasModification(P, "m1", DGR2, LocalDate.of(2023, 4, 4), null, null))
                .expectNoEvents().expectException(rejectedWith("MODIFICATION_ALREADY_APPROVED"));
        // once the first is approved, a second may start, not before the first is in force
        modifications().given(done)
                .when(new AdoptPoasModification(P, "m2", "giunta-regionale-lombardia-dgr-xi-9001-2022", LocalDate.of(2023, 4, 2), null, null))
                .expectNoEvents().expectException(rejectedWith("DATES_OUT_OF_ORDER"));
    }

    @Test
    @DisplayName("issue 20 #4: a step of the chain is corrected with a reason; the deadline follows the corrected dates")
    void correction() {
        // the approval was on day 52; the DGR's true date is day 63: three days over, carried in the correction
        fixture.given(approved())
                .when(new CorrectPoasRecord(P, "approval", null, java.util.Map.of("on", "2022-08-12"), "data della DGR errata"))
                .expectEvents(new PoasRecordCorrected(P, "APPROVAL", null,
                        List.of(new it.registro.domain.common.FieldChange("on", "2022-08-01", "2022-08-12")), "data della DGR errata",
                        LocalDate.of(2022, 8, 9), 3L));
        fixture.given(approved())
                .when(new CorrectPoasRecord(P, "SUBMISSION", null, java.util.Map.of("protocol", "G1.2022.0024600", "on", "2022-06-11"), "protocollo"))
                .expectEvents(new PoasRecordCorrected(P, "SUBMISSION", null, List.of(
                        new it.registro.domain.common.FieldChange("on", "2022-06-10", "2022-06-11"),
                        new it.registro.domain.common.FieldChange("protocol", "G1.2022.0024599", "G1.2022.0024600")), "protocollo",
                        LocalDate.of(2022, 8, 10), 0L));
        fixture.given(approved())
                .when(new CorrectPoasRecord(P, "SUBMISSION", null, java.util.Map.of("on", "2022-08-02"), "x"))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
        fixture.given(approved())
                .when(new CorrectPoasRecord(P, "ADOPTION", null, java.util.Map.of("on", "2022-06-11"), "x"))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
        fixture.given(submitted())
                .when(new CorrectPoasRecord(P, "APPROVAL", null, java.util.Map.of("on", "2022-08-12"), "x"))
                .expectException(rejectedWith("STEP_NOT_RECORDED")).expectNoEvents();
        fixture.given(approved())
                .when(new CorrectPoasRecord(P, "APPROVAL", null, java.util.Map.of("actId", "x"), "x"))
                .expectException(rejectedWith("FIELD_NOT_CORRECTABLE")).expectNoEvents();
        fixture.given(approved())
                .when(new CorrectPoasRecord(P, "APPROVAL", null, java.util.Map.of("on", "2022-08-01"), "x"))
                .expectException(rejectedWith("NOTHING_TO_CORRECT")).expectNoEvents();
        modifications().given(modificationSubmitted())
                .when(new CorrectPoasRecord(P, "SUBMISSION", "m1", java.util.Map.of("on", "2023-02-16"), "data di trasmissione"))
                .expectEvents(new PoasRecordCorrected(P, "SUBMISSION", "m1", List.of(
                        new it.registro.domain.common.FieldChange("on", "2023-02-20", "2023-02-16")), "data di trasmissione",
                        LocalDate.of(2023, 4, 17), null));
        modifications().given(modificationSubmitted())
                .when(new CorrectPoasRecord(P, "ADOPTION", "m1", java.util.Map.of("on", "2022-07-01"), "x"))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
    }
}
