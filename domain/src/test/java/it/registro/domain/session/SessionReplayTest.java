package it.registro.domain.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.Tally;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.common.KnownReferences;
import it.registro.domain.session.api.*;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20 #9: a sitting replayed from its events and judged again; nothing differs until the body's record changes. */
class SessionReplayTest {

    private static final String S = "s1";
    private static final LocalDate DAY = LocalDate.of(2024, 10, 18);
    private FakeBodyFacts body;
    private AggregateTestFixture<Session> fixture;
    private final List<Object> events = new ArrayList<>();

    static Instant at(int hour, int minute) {
        return LocalDateTime.of(DAY, LocalTime.of(hour, minute)).atZone(BusinessTime.ZONE).toInstant();
    }

    @BeforeEach
    void setUp() {
        body = new FakeBodyFacts();
        for (int i = 1; i <= 6; i++) {
            body.member("m" + i, "seat" + i, 1000L * i);
        }
        body.rules(MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT, Weighting.HEADCOUNT);
        fixture = new AggregateTestFixture<>(Session.class);
        fixture.registerInjectableResource(body);
        fixture.registerInjectableResource(new KnownReferences(Set.of("m1"), Set.of()));
    }

    /** Runs a command on the events so far and keeps the events it produced. */
    private void run(Object command) {
        var given = events.isEmpty() ? fixture.givenNoPriorActivity() : fixture.given(new ArrayList<>(events));
        given.when(command).expectSuccessfulHandlerExecution().expectEventsMatching(
                new CustomTypeSafeMatcher<List<? super EventMessage<?>>>("the events, kept") {
                    @Override
                    protected boolean matchesSafely(List<? super EventMessage<?>> messages) {
                        messages.forEach(m -> events.add(((EventMessage<?>) m).getPayload()));
                        return true;
                    }
                });
    }

    private SessionReplay replay() {
        SessionReplay r = new SessionReplay();
        events.forEach(r::apply);
        return r;
    }

    private void sitting() {
        run(new ConveneSession(S, FakeBodyFacts.BODY, "1/24", null, null, null, null, DAY, LocalTime.of(14, 0), SessionMode.IN_PERSON, null, null));
        run(new AddAgendaItem(S, 1, ItemKind.ELECTION, "Presidente"));
        run(new AddAgendaItem(S, 2, ItemKind.DELIBERATION, "Piano"));
        for (String m : List.of("m1", "m2", "m3", "m4")) {
            run(new RecordArrival(S, m, at(14, 0), TimePrecision.EXACT, null));
        }
        run(new DeclareQuorum(S, at(14, 1), null, null));
        run(new OpenSession(S, at(14, 1)));
        run(new RecordElection(S, 1, Office.PRESIDENT, "m1", null, at(14, 10), new Tally(3, 0, 1), null));
        run(new RecordVote(S, 2, "piano", at(14, 20), VoteMode.OPEN_NAMED, null, List.of(new NamedVote("m1", Choice.FOR),
                new NamedVote("m2", Choice.FOR), new NamedVote("m3", Choice.AGAINST)), Outcome.PASSED, null));
        run(new RecordDeparture(S, "m4", at(14, 30), TimePrecision.EXACT, null));
        run(new CorrectRecord(S, "fact-1", "at", "2024-10-18T14:05", "orario esatto"));
    }

    @Test
    @DisplayName("a sitting recorded by the aggregate, replayed under the same body: no difference")
    void noDifference() {
        sitting();
        SessionReplay r = replay();
        assertThat(r.votes()).isEqualTo(1);
        assertThat(r.elections()).isEqualTo(1);
        assertThat(r.recompute(body.bodyOn(FakeBodyFacts.BODY, DAY).orElseThrow())).isEmpty();
    }

    @Test
    @DisplayName("a member recorded on the body afterwards changes the quorum's members: every figure that moves is listed")
    void bodyChangedAfterwards() {
        sitting();
        body.member("m7", "seat7", 7000L);
        List<SessionReplay.Difference> d = replay().recompute(body.bodyOn(FakeBodyFacts.BODY, DAY).orElseThrow());
        assertThat(d).extracting(SessionReplay.Difference::field).containsOnly("quorum.members");
        assertThat(d).filteredOn(x -> x.field().equals("quorum.members")).allSatisfy(x -> {
            assertThat(x.recorded()).isEqualTo("6");
            assertThat(x.recomputed()).isEqualTo("7");
        });
        assertThat(d).extracting(SessionReplay.Difference::factId).contains("fact-5", "fact-6");
    }
}
