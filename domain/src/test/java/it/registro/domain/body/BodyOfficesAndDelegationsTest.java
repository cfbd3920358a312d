package it.registro.domain.body;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.DelegateSeat;
import it.registro.domain.body.api.DelegationRevoked;
import it.registro.domain.body.api.DesignateInterimPresidingOfficer;
import it.registro.domain.body.api.ElectOfficer;
import it.registro.domain.body.api.InterimPresidingOfficerDesignated;
import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.OfficeVacated;
import it.registro.domain.body.api.OfficerElected;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.body.api.RevokeDelegation;
import it.registro.domain.body.api.RuleSetAdopted;
import it.registro.domain.body.api.SeatDelegated;
import it.registro.domain.body.api.SeatMember;
import it.registro.domain.body.api.Tally;
import it.registro.domain.body.api.VacateOffice;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.common.BusinessTime;

import static it.registro.domain.body.BodyFixtures.DELIBERA_436;
import static it.registro.domain.body.BodyFixtures.ID;
import static it.registro.domain.body.BodyFixtures.PRES_CREMA;
import static it.registro.domain.body.BodyFixtures.PRES_CREMONA;
import static it.registro.domain.body.BodyFixtures.composed;
import static it.registro.domain.common.Rejections.rejectedWith;

class BodyOfficesAndDelegationsTest {

    private final AggregateTestFixture<Body> fixture = BodyFixtures.fixture();

    private static Instant rome(int day, int hour, int minute) {
        return LocalDateTime.of(2024, 10, day, hour, minute).atZone(BusinessTime.ZONE).toInstant();
    }

    private static final Instant T1410 = rome(18, 14, 10);
    private static final Tally THREE_NONE_ONE = new Tally(3, 0, 1);

    private static List<Object> with(Object... more) {
        List<Object> events = new ArrayList<>(composed());
        events.addAll(List.of(more));
        return events;
    }

    // ---- offices

    @Test
    @DisplayName("a member is elected President with the tally and the session; the name is kept as recorded")
    void electPresident() {
        fixture.given(composed())
                .when(new ElectOfficer(ID, Office.PRESIDENT, "m1", "LEONARDO VIRGILIO, Sindaco di Cremona", T1410,
                        "1/24", THREE_NONE_ONE))
                .expectEvents(new OfficerElected(ID, Office.PRESIDENT, "m1", "LEONARDO VIRGILIO, Sindaco di Cremona",
                        T1410, "1/24", THREE_NONE_ONE));
    }

    @Test
    @DisplayName("a non-member (e.g. the DG who presided) cannot be elected: CANDIDATE_NOT_MEMBER")
    void nonMemberCannotBeElected() {
        fixture.given(composed())
                .when(new ElectOfficer(ID, Office.PRESIDENT, "n1", "Ramponi", T1410, "1/24", THREE_NONE_ONE))
                .expectException(rejectedWith("CANDIDATE_NOT_MEMBER", "personId"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("membership is judged on the day of the election: before the composition act, no one is a member")
    void membershipOnTheDay() {
        fixture.given(composed())
                .when(new ElectOfficer(ID, Office.PRESIDENT, "m1", "x", rome(9, 12, 0), "0/24", THREE_NONE_ONE))
                .expectException(rejectedWith("CANDIDATE_NOT_MEMBER"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("electing a successor ends the previous holder's term at that instant")
    void successorEndsTerm() {
        Instant later = rome(25, 10, 0);
        fixture.given(with(new OfficerElected(ID, Office.PRESIDENT, "m1", "x", T1410, "1/24", THREE_NONE_ONE)))
                .when(new ElectOfficer(ID, Office.PRESIDENT, "m3", "Fabio Bergamaschi", later, "2/24", null))
                .expectEvents(new OfficeVacated(ID, Office.PRESIDENT, "m1", later, "SUCCEEDED"),
                        new OfficerElected(ID, Office.PRESIDENT, "m3", "Fabio Bergamaschi", later, "2/24", null));
    }

    @Test
    @DisplayName("negative counts are refused")
    void negativeTally() {
        fixture.given(composed())
                .when(new ElectOfficer(ID, Office.PRESIDENT, "m1", "x", T1410, "1/24", new Tally(3, -1, 0)))
                .expectException(rejectedWith("NEGATIVE_COUNT"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("vacating a vacant office is refused; vacating a held one is recorded")
    void vacate() {
        fixture.given(composed())
                .when(new VacateOffice(ID, Office.VICE_PRESIDENT, T1410, "dimissioni"))
                .expectException(rejectedWith("OFFICE_VACANT"))
                .expectNoEvents();
        fixture.given(with(new OfficerElected(ID, Office.VICE_PRESIDENT, "m2", "x", T1410, "1/24", null)))
                .when(new VacateOffice(ID, Office.VICE_PRESIDENT, rome(30, 9, 0), "dimissioni"))
                .expectEvents(new OfficeVacated(ID, Office.VICE_PRESIDENT, "m2", rome(30, 9, 0), "dimissioni"));
    }

    @Test
    @DisplayName("the DG may preside in the interim without being a member, but not while a President is in office")
    void interimPresidingOfficer() {
        Instant at1400 = rome(18, 14, 0);
        fixture.given(composed())
                .when(new DesignateInterimPresidingOfficer(ID, "n1", "Direttore Generale ATS Val Padana", at1400,
                        "non essendo ancora stato rieletto il Presidente"))
                .expectEvents(new InterimPresidingOfficerDesignated(ID, "n1", "Direttore Generale ATS Val Padana",
                        at1400, "non essendo ancora stato rieletto il Presidente"));
        fixture.given(with(new OfficerElected(ID, Office.PRESIDENT, "m1", "x", T1410, "1/24", null)))
                .when(new DesignateInterimPresidingOfficer(ID, "n1", "DG", rome(19, 10, 0), null))
                .expectException(rejectedWith("PRESIDENT_IN_OFFICE"))
                .expectNoEvents();
    }

    // ---- delegations

    private static final Instant D_FROM = rome(18, 0, 0);
    private static final Instant D_TO = rome(19, 0, 0);

    @Test
    @DisplayName("a member delegates the seat to a non-member for a session, with the letter's reference")
    void delegate() {
        fixture.given(composed())
                .when(new DelegateSeat(ID, "d1", PRES_CREMONA, "x1", "Mario Rossi", D_FROM, D_TO, "1/24", "prot. 9001/24"))
                .expectEvents(new SeatDelegated(ID, "d1", PRES_CREMONA, "m1", "x1", "Mario Rossi", D_FROM, D_TO, "1/24",
                        "prot. 9001/24"));
    }

    @Test
    @DisplayName("at most one delegate per seat at any instant: an overlapping delegation is rejected")
    void delegationOverlap() {
        fixture.given(with(new SeatDelegated(ID, "d1", PRES_CREMONA, "m1", "x1", null, D_FROM, D_TO, null, "l1")))
                .when(new DelegateSeat(ID, "d2", PRES_CREMONA, "x2", null, rome(18, 12, 0), rome(20, 0, 0), null, "l2"))
                .expectException(rejectedWith("DELEGATION_OVERLAP"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a delegate who holds another seat of the same body is rejected")
    void delegateHoldsSeat() {
        fixture.given(composed())
                .when(new DelegateSeat(ID, "d1", PRES_CREMONA, "m3", null, D_FROM, D_TO, null, "l1"))
                .expectException(rejectedWith("DELEGATE_HOLDS_SEAT", "delegatePersonId"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("one person cannot be the delegate of two seats at once")
    void delegateTwice() {
        fixture.given(with(new SeatDelegated(ID, "d1", PRES_CREMONA, "m1", "x1", null, D_FROM, D_TO, null, "l1")))
                .when(new DelegateSeat(ID, "d2", PRES_CREMA, "x1", null, D_FROM, D_TO, null, "l2"))
                .expectException(rejectedWith("DELEGATE_HOLDS_SEAT"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a delegate cannot take a seat of the body while delegating for another one")
    void delegateThenSeat() {
        fixture.given(with(new SeatDelegated(ID, "d1", PRES_CREMONA, "m1", "x1", null, D_FROM, D_TO, null, "l1"),
                        new it.registro.domain.body.api.SeatDefined(ID, "other-seat", it.registro.domain.body.api.SeatRole.OTHER,
                                "x", null, DELIBERA_436)))
                .when(new SeatMember(ID, "other-seat", "x1", null, null, LocalDate.of(2024, 10, 18), null, DELIBERA_436))
                .expectException(rejectedWith("DELEGATE_HOLDS_SEAT"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a delegation ends after it starts; a vacant seat or an unknown delegate cannot be delegated")
    void delegationBadInput() {
        fixture.given(composed())
                .when(new DelegateSeat(ID, "d1", PRES_CREMONA, "x1", null, D_TO, D_FROM, null, "l1"))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER", "to"))
                .expectNoEvents();
        fixture.given(composed())
                .when(new DelegateSeat(ID, "d1", PRES_CREMONA, "x1", null, rome(1, 0, 0), rome(2, 0, 0), null, "l1"))
                .expectException(rejectedWith("SEAT_VACANT"))
                .expectNoEvents();
        fixture.given(composed())
                .when(new DelegateSeat(ID, "d1", PRES_CREMONA, "ghost", null, D_FROM, D_TO, null, "l1"))
                .expectException(rejectedWith("UNKNOWN_PERSON"))
                .expectNoEvents();
        fixture.given(composed())
                .when(new DelegateSeat(ID, "d1", PRES_CREMONA, "x1", null, D_FROM, D_TO, null, " "))
                .expectException(rejectedWith("FIELD_REQUIRED", "letterRef"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("the rule set in force may forbid delegation")
    void delegationForbidden() {
        fixture.given(with(new RuleSetAdopted(ID, 1, "Regolamento", LocalDate.of(2024, 10, 1),
                        new QuorumRule(QuorumRule.Kind.MAJORITY_OF_MEMBERS, null),
                        new MajorityRule(MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT, null, null),
                        Weighting.HEADCOUNT, false, null)))
                .when(new DelegateSeat(ID, "d1", PRES_CREMONA, "x1", null, D_FROM, D_TO, null, "l1"))
                .expectException(rejectedWith("DELEGATION_NOT_ALLOWED"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a delegation can be revoked while it runs, once")
    void revoke() {
        Instant noon = rome(18, 12, 0);
        fixture.given(with(new SeatDelegated(ID, "d1", PRES_CREMONA, "m1", "x1", null, D_FROM, D_TO, null, "l1")))
                .when(new RevokeDelegation(ID, "d1", noon, "il sindaco partecipa di persona"))
                .expectEvents(new DelegationRevoked(ID, "d1", noon, "il sindaco partecipa di persona"));
        fixture.given(with(new SeatDelegated(ID, "d1", PRES_CREMONA, "m1", "x1", null, D_FROM, D_TO, null, "l1"),
                        new DelegationRevoked(ID, "d1", noon, "r")))
                .when(new RevokeDelegation(ID, "d1", rome(18, 13, 0), "again"))
                .expectException(rejectedWith("DELEGATION_NOT_ACTIVE"))
                .expectNoEvents();
        fixture.given(composed())
                .when(new RevokeDelegation(ID, "nope", noon, "r"))
                .expectException(rejectedWith("DELEGATION_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("after a revocation the seat may be delegated again from that instant")
    void delegateAfterRevocation() {
        Instant noon = rome(18, 12, 0);
        fixture.given(with(new SeatDelegated(ID, "d1", PRES_CREMONA, "m1", "x1", null, D_FROM, D_TO, null, "l1"),
                        new DelegationRevoked(ID, "d1", noon, "r")))
                .when(new DelegateSeat(ID, "d2", PRES_CREMONA, "x2", null, noon, D_TO, null, "l2"))
                .expectSuccessfulHandlerExecution();
    }
}
