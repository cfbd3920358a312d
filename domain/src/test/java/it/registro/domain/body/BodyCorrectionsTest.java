package it.registro.domain.body;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.CompositionActCorrected;
import it.registro.domain.body.api.CorrectCompositionAct;
import it.registro.domain.body.api.CorrectOfficerElection;
import it.registro.domain.body.api.CorrectSeatLabel;
import it.registro.domain.body.api.CorrectTerm;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.OfficerElected;
import it.registro.domain.body.api.OfficerElectionCorrected;
import it.registro.domain.body.api.SeatDelegated;
import it.registro.domain.body.api.SeatLabelCorrected;
import it.registro.domain.body.api.Tally;
import it.registro.domain.body.api.TermCorrected;
import it.registro.domain.common.ActRef;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.common.FieldChange;

import static it.registro.domain.body.BodyFixtures.DELIBERA_436;
import static it.registro.domain.body.BodyFixtures.FROM;
import static it.registro.domain.body.BodyFixtures.ID;
import static it.registro.domain.body.BodyFixtures.PRES_CREMA;
import static it.registro.domain.body.BodyFixtures.PRES_CREMONA;
import static it.registro.domain.body.BodyFixtures.composed;
import static it.registro.domain.common.Rejections.rejectedWith;

/** Issue 20 #4: compositions, seats and elections corrected with a reason, judged like the facts they correct. */
class BodyCorrectionsTest {

    private final AggregateTestFixture<Body> fixture = BodyFixtures.fixture();

    private static Instant rome(int month, int day, int hour) {
        return LocalDateTime.of(2024, month, day, hour, 0).atZone(BusinessTime.ZONE).toInstant();
    }

    private static List<Object> with(Object... more) {
        List<Object> events = new ArrayList<>(composed());
        events.addAll(List.of(more));
        return events;
    }

    @Test
    @DisplayName("a term's holder and first day are corrected at once, with the old and new values and the reason")
    void correctTerm() {
        fixture.given(composed())
                .when(new CorrectTerm(ID, PRES_CREMONA, FROM, Map.of("personId", "m4", "from", "2024-10-11"), "nome errato nella delibera"))
                .expectEvents(new TermCorrected(ID, PRES_CREMONA, "m1", FROM,
                        List.of(new FieldChange("from", "2024-10-10", "2024-10-11"), new FieldChange("personId", "m1", "m4")),
                        "nome errato nella delibera"));
    }

    @Test
    @DisplayName("a corrected term is judged like a new one: one seat per person, known persons, days in order")
    void correctedTermJudged() {
        fixture.given(composed()).when(new CorrectTerm(ID, PRES_CREMONA, FROM, Map.of("personId", "m3"), "x"))
                .expectException(rejectedWith("PERSON_ALREADY_SEATED")).expectNoEvents();
        fixture.given(composed()).when(new CorrectTerm(ID, PRES_CREMONA, FROM, Map.of("personId", "nobody"), "x"))
                .expectException(rejectedWith("UNKNOWN_PERSON", "changes.personId")).expectNoEvents();
        fixture.given(composed()).when(new CorrectTerm(ID, PRES_CREMONA, FROM, Map.of("to", "2024-10-01"), "x"))
                .expectException(rejectedWith("DATES_OUT_OF_ORDER")).expectNoEvents();
        fixture.given(composed()).when(new CorrectTerm(ID, PRES_CREMONA, FROM, Map.of("from", "10/10/2024"), "x"))
                .expectException(rejectedWith("INVALID_VALUE", "changes.from")).expectNoEvents();
        fixture.given(composed()).when(new CorrectTerm(ID, PRES_CREMONA, FROM, Map.of("seatId", "x"), "x"))
                .expectException(rejectedWith("FIELD_NOT_CORRECTABLE")).expectNoEvents();
        fixture.given(composed()).when(new CorrectTerm(ID, PRES_CREMONA, FROM, Map.of("personId", "m1"), "x"))
                .expectException(rejectedWith("NOTHING_TO_CORRECT")).expectNoEvents();
        fixture.given(composed()).when(new CorrectTerm(ID, PRES_CREMONA, FROM.plusDays(1), Map.of("personId", "m4"), "x"))
                .expectException(rejectedWith("TERM_NOT_FOUND")).expectNoEvents();
        fixture.given(composed()).when(new CorrectTerm(ID, PRES_CREMONA, FROM, Map.of("personId", "m4"), " "))
                .expectException(rejectedWith("FIELD_REQUIRED", "reason")).expectNoEvents();
    }

    @Test
    @DisplayName("a term cannot be corrected from under a delegation its holder gave")
    void delegationHeld() {
        List<Object> given = with(new SeatDelegated(ID, "d1", PRES_CREMA, "m3", "x1", null, rome(11, 5, 0), rome(11, 6, 0), null, "lettera"));
        fixture.given(given).when(new CorrectTerm(ID, PRES_CREMA, FROM, Map.of("personId", "m4"), "x"))
                .expectException(rejectedWith("CORRECTION_CONTRADICTS_DELEGATION")).expectNoEvents();
        fixture.given(given).when(new CorrectTerm(ID, PRES_CREMA, FROM, Map.of("to", "2024-11-01"), "x"))
                .expectException(rejectedWith("CORRECTION_CONTRADICTS_DELEGATION")).expectNoEvents();
        fixture.given(given).when(new CorrectTerm(ID, PRES_CREMA, FROM, Map.of("to", "2024-12-31"), "x"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("the act cited for a composition and a seat's label are corrected with a reason")
    void actAndLabel() {
        ActRef right = new ActRef("ATS Val Padana", "Deliberazione", "437", FROM, "Deliberazione ATS n. 437 del 10/10/2024");
        fixture.given(composed()).when(new CorrectCompositionAct(ID, FROM, right, "numero errato"))
                .expectEvents(new CompositionActCorrected(ID, FROM, DELIBERA_436, right, "numero errato"));
        fixture.given(composed()).when(new CorrectCompositionAct(ID, FROM.plusDays(1), right, "x"))
                .expectException(rejectedWith("COMPOSITION_NOT_FOUND")).expectNoEvents();
        fixture.given(composed()).when(new CorrectCompositionAct(ID, FROM, DELIBERA_436, "x"))
                .expectException(rejectedWith("NOTHING_TO_CORRECT")).expectNoEvents();
        fixture.given(composed()).when(new CorrectSeatLabel(ID, PRES_CREMA, "Presidente Conferenza ASST Crema", "etichetta"))
                .expectEvents(new SeatLabelCorrected(ID, PRES_CREMA, null, "Presidente Conferenza ASST Crema", "etichetta"));
        fixture.given(composed()).when(new CorrectSeatLabel(ID, "nowhere", "x", "x"))
                .expectException(rejectedWith("UNKNOWN_SEAT")).expectNoEvents();
    }

    @Test
    @DisplayName("an officer's election follows its session's corrected record; an election never recorded is not corrected")
    void officerElection() {
        List<Object> given = with(new OfficerElected(ID, Office.PRESIDENT, "m1", "Virgilio", rome(10, 18, 14), "s1", new Tally(3, 0, 1)));
        fixture.given(given).when(new CorrectOfficerElection(ID, Office.PRESIDENT, "m1", "s1", new Tally(4, 0, 0), null, "trascrizione"))
                .expectEvents(new OfficerElectionCorrected(ID, Office.PRESIDENT, "m1", "s1", new Tally(4, 0, 0), null, "trascrizione"));
        fixture.given(given).when(new CorrectOfficerElection(ID, Office.PRESIDENT, "m1", "s2", new Tally(4, 0, 0), null, "x"))
                .expectException(rejectedWith("ELECTION_NOT_FOUND")).expectNoEvents();
    }

    @Test
    @DisplayName("after a corrected term the body judges on the corrected holder")
    void judgedOnCorrection() {
        fixture.given(with(new TermCorrected(ID, PRES_CREMONA, "m1", FROM, List.of(new FieldChange("personId", "m1", "m4")), "x")))
                .when(new it.registro.domain.body.api.ElectOfficer(ID, Office.PRESIDENT, "m1", null, rome(10, 18, 14), "s1", null))
                .expectException(rejectedWith("CANDIDATE_NOT_MEMBER")).expectNoEvents();
        fixture.given(with(new TermCorrected(ID, PRES_CREMONA, "m1", FROM, List.of(new FieldChange("personId", "m1", "m4")), "x")))
                .when(new it.registro.domain.body.api.ElectOfficer(ID, Office.PRESIDENT, "m4", null, rome(10, 18, 14), "s1", null))
                .expectSuccessfulHandlerExecution();
    }
}
