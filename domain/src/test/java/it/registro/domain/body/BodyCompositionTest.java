package it.registro.domain.body;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.CompositionActRecorded;
import it.registro.domain.body.api.MemberSeated;
import it.registro.domain.body.api.MemberUnseated;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.OfficeVacated;
import it.registro.domain.body.api.OfficerElected;
import it.registro.domain.body.api.RecordComposition;
import it.registro.domain.body.api.SeatDefined;
import it.registro.domain.body.api.SeatEntry;
import it.registro.domain.body.api.SeatMember;
import it.registro.domain.body.api.SeatRole;
import it.registro.domain.body.api.UnseatMember;
import it.registro.domain.common.ActRef;
import it.registro.domain.common.BusinessTime;

import static it.registro.domain.body.BodyFixtures.DELIBERA_436;
import static it.registro.domain.body.BodyFixtures.ELECTED_CREMONA;
import static it.registro.domain.body.BodyFixtures.FROM;
import static it.registro.domain.body.BodyFixtures.ID;
import static it.registro.domain.body.BodyFixtures.PRES_CREMA;
import static it.registro.domain.body.BodyFixtures.PRES_CREMONA;
import static it.registro.domain.body.BodyFixtures.REGISTERED;
import static it.registro.domain.body.BodyFixtures.composed;
import static it.registro.domain.common.Rejections.rejectedWith;

class BodyCompositionTest {

    private final AggregateTestFixture<Body> fixture = BodyFixtures.fixture();
    private static final ActRef LATER_ACT = new ActRef("ATS Val Padana", "Deliberazione", "9001",
            LocalDate.of(2025, 3, 1), "Deliberazione ATS n. 9001 del 01/03/2025");

    private static SeatEntry entry(SeatRole role, String asst, String person, String name) {
        return new SeatEntry(role, asst, null, person, name, null);
    }

    @Test
    @DisplayName("a composition act defines its seats and seats their holders from its effective date")
    void firstComposition() {
        fixture.given(REGISTERED)
                .when(new RecordComposition(ID, DELIBERA_436, FROM, true, List.of(
                        new SeatEntry(SeatRole.CONFERENCE_PRESIDENT, "ASST Cremona",
                                "Presidente della Conferenza dei Sindaci ASST di Cremona", "m1", "Leonardo Virgilio",
                                "comune-cremona"))))
                .expectEvents(
                        new CompositionActRecorded(ID, DELIBERA_436, FROM, true),
                        new SeatDefined(ID, PRES_CREMONA, SeatRole.CONFERENCE_PRESIDENT, "ASST Cremona",
                                "Presidente della Conferenza dei Sindaci ASST di Cremona", DELIBERA_436),
                        new MemberSeated(ID, PRES_CREMONA, "m1", "Leonardo Virgilio", "comune-cremona", FROM, null,
                                DELIBERA_436));
    }

    @Test
    @DisplayName("a later act keeps continuing holders, ends replaced ones the day before, and vacates unlisted seats")
    void laterComposition() {
        LocalDate from = LATER_ACT.date();
        fixture.given(composed())
                .when(new RecordComposition(ID, LATER_ACT, from, false, List.of(
                        entry(SeatRole.CONFERENCE_PRESIDENT, "ASST Cremona", "m1", "Leonardo Virgilio"),
                        entry(SeatRole.ELECTED_BY_CONFERENCE, "ASST Cremona", "m4", "Stefano Samarati"))))
                .expectEvents(
                        new CompositionActRecorded(ID, LATER_ACT, from, false),
                        new MemberUnseated(ID, ELECTED_CREMONA, "m2", from.minusDays(1),
                                "Composition act Deliberazione ATS n. 9001 del 01/03/2025", LATER_ACT),
                        new MemberUnseated(ID, PRES_CREMA, "m3", from.minusDays(1),
                                "Composition act Deliberazione ATS n. 9001 del 01/03/2025", LATER_ACT),
                        new MemberSeated(ID, ELECTED_CREMONA, "m4", "Stefano Samarati", null, from, null, LATER_ACT));
    }

    @Test
    @DisplayName("a renewal makes the offices lapse: the officers must be elected again (seed 004 L107-108)")
    void renewalVacatesOffices() {
        List<Object> given = new ArrayList<>(composed());
        given.add(new OfficerElected(ID, Office.PRESIDENT, "m1", "Leonardo Virgilio",
                BusinessTime.startOf(FROM).plusSeconds(3600), "1/24", null));
        fixture.given(given)
                .when(new RecordComposition(ID, LATER_ACT, LATER_ACT.date(), true, List.of(
                        entry(SeatRole.CONFERENCE_PRESIDENT, "ASST Cremona", "m1", "Leonardo Virgilio"))))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.listWithAnyOf(
                                org.hamcrest.Matchers.equalTo(new OfficeVacated(ID, Office.PRESIDENT, "m1",
                                        BusinessTime.startOf(LATER_ACT.date()), "COMPOSITION_RENEWED")))));
    }

    @Test
    @DisplayName("a composition act cannot take effect before the one already recorded")
    void compositionInOrder() {
        fixture.given(composed())
                .when(new RecordComposition(ID, LATER_ACT, FROM.minusDays(1), false, List.of()))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER", "effectiveFrom"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("one person cannot be listed for two seats of the same body")
    void personTwice() {
        fixture.given(REGISTERED)
                .when(new RecordComposition(ID, DELIBERA_436, FROM, true, List.of(
                        entry(SeatRole.CONFERENCE_PRESIDENT, "ASST Cremona", "m1", "x"),
                        entry(SeatRole.ELECTED_BY_CONFERENCE, "ASST Cremona", "m1", "x"))))
                .expectException(rejectedWith("PERSON_ALREADY_SEATED", "seats[1].personId"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("an unknown person or comune is rejected and nothing is recorded")
    void unknownReferences() {
        fixture.given(REGISTERED)
                .when(new RecordComposition(ID, DELIBERA_436, FROM, true, List.of(
                        entry(SeatRole.CONFERENCE_PRESIDENT, "ASST Cremona", "nobody", "x"))))
                .expectException(rejectedWith("UNKNOWN_PERSON", "seats[0].personId"))
                .expectNoEvents();
        fixture.given(REGISTERED)
                .when(new RecordComposition(ID, DELIBERA_436, FROM, true, List.of(
                        new SeatEntry(SeatRole.CONFERENCE_PRESIDENT, "ASST Cremona", null, "m1", "x", "comune-atlantide"))))
                .expectException(rejectedWith("UNKNOWN_COMUNE", "seats[0].comuneId"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a composition act needs its citation")
    void actRequired() {
        fixture.given(REGISTERED)
                .when(new RecordComposition(ID, new ActRef(null, null, null, null, " "), FROM, true, List.of()))
                .expectException(rejectedWith("FIELD_REQUIRED", "act.citation"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a seat has one holder at a time: overlapping holders are rejected")
    void overlappingHolders() {
        fixture.given(composed())
                .when(new SeatMember(ID, PRES_CREMONA, "m4", "Stefano Samarati", null, LocalDate.of(2025, 1, 1), null,
                        DELIBERA_436))
                .expectException(rejectedWith("SEAT_HOLDER_OVERLAP", "from"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("after the holder leaves, another person may take the seat from the next day")
    void seatAfterUnseat() {
        List<Object> given = new ArrayList<>(composed());
        given.add(new MemberUnseated(ID, PRES_CREMONA, "m1", LocalDate.of(2024, 12, 31), "dimissioni", DELIBERA_436));
        fixture.given(given)
                .when(new SeatMember(ID, PRES_CREMONA, "m4", "Stefano Samarati", null, LocalDate.of(2025, 1, 1), null,
                        DELIBERA_436))
                .expectEvents(new MemberSeated(ID, PRES_CREMONA, "m4", "Stefano Samarati", null,
                        LocalDate.of(2025, 1, 1), null, DELIBERA_436));
    }

    @Test
    @DisplayName("a term cannot end before it starts")
    void endBeforeStart() {
        fixture.given(composed())
                .when(new SeatMember(ID, PRES_CREMONA, "m4", "x", null, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1),
                        DELIBERA_436))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER", "to"))
                .expectNoEvents();
        fixture.given(composed())
                .when(new UnseatMember(ID, PRES_CREMONA, FROM.minusDays(5), "r", DELIBERA_436))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER", "lastDay"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a person already seated cannot take a second seat of the same body at the same time")
    void secondSeat() {
        List<Object> given = new ArrayList<>(composed());
        given.add(new MemberUnseated(ID, PRES_CREMA, "m3", LocalDate.of(2024, 12, 31), "r", DELIBERA_436));
        fixture.given(given)
                .when(new SeatMember(ID, PRES_CREMA, "m1", "x", null, LocalDate.of(2025, 1, 1), null, DELIBERA_436))
                .expectException(rejectedWith("PERSON_ALREADY_SEATED", "personId"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("a seat that was never defined cannot be filled")
    void unknownSeat() {
        fixture.given(composed())
                .when(new SeatMember(ID, "mayor-comune-cremona", "m4", "x", null, FROM, null, DELIBERA_436))
                .expectException(rejectedWith("UNKNOWN_SEAT", "seatId"))
                .expectNoEvents();
    }
}
