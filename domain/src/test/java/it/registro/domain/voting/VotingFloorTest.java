package it.registro.domain.voting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.body.api.Tally;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.session.api.Choice;
import it.registro.domain.session.api.NamedVote;
import it.registro.domain.session.api.Outcome;
import it.registro.domain.session.api.QuorumFigures;

import static org.assertj.core.api.Assertions.assertThat;

class VotingFloorTest {

    private static final Instant T0 = Instant.parse("2024-10-18T12:00:00Z");
    private static final Instant T1 = Instant.parse("2024-10-18T13:00:00Z");
    private static final Instant T2 = Instant.parse("2024-10-18T14:00:00Z");

    /** Three seats: a (1,000 inhabitants), b (2,000), c (7,000); b's holder has delegated to d from T1 to T2. */
    private static VotingFloor.Seating seating(Weighting weighting, MajorityRule.Kind majority, QuorumRule.Kind quorum) {
        return new VotingFloor.Seating(
                List.of(new VotingFloor.Seat("s-a", "a", "comune-a", 1_000L), new VotingFloor.Seat("s-b", "b", "comune-b", 2_000L),
                        new VotingFloor.Seat("s-c", "c", "comune-c", 7_000L)),
                List.of(new VotingFloor.Delegation("s-b", "d", T1, T2)),
                new VotingFloor.Rules(1, "R", new QuorumRule(quorum, null), new MajorityRule(majority, null, null), weighting));
    }

    private static VotingFloor.Room room(Map<String, Set<Instant>> present) {
        return (person, at) -> present.getOrDefault(person, Set.of()).contains(at);
    }

    @Test
    @DisplayName("a mayor and the delegate holding the seat's vote are one seat; the delegate counts while the delegation runs")
    void seatsNotPersons() {
        VotingFloor floor = new VotingFloor(seating(Weighting.HEADCOUNT, MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT,
                QuorumRule.Kind.MAJORITY_OF_MEMBERS), room(Map.of("a", Set.of(T0, T1), "b", Set.of(T0, T1), "d", Set.of(T1))));
        VotingFloor.Presence atT1 = floor.presenceAt(T1);
        assertThat(atT1.seats()).isEqualTo(3);
        assertThat(atT1.present()).as("b and d in the room, one seat (s-b), cast by d").isEqualTo(2);
        assertThat(atT1.votes()).filteredOn(v -> v.seatId().equals("s-b")).singleElement()
                .satisfies(v -> {
                    assertThat(v.voterPersonId()).isEqualTo("d");
                    assertThat(v.delegated()).isTrue();
                    assertThat(v.present()).isTrue();
                });
        // before the delegation runs, b votes for the seat
        assertThat(floor.presenceAt(T0).votes()).filteredOn(v -> v.seatId().equals("s-b")).singleElement()
                .satisfies(v -> assertThat(v.voterPersonId()).isEqualTo("b"));
        QuorumFigures q = floor.quorumAt(T1);
        assertThat(q.present()).isEqualTo(2);
        assertThat(q.required()).isEqualTo(2);
        assertThat(q.met()).isTrue();
    }

    @Test
    @DisplayName("the delegating member may not vote while the delegation runs; a non-member never; an absent voter not")
    void whoMayVote() {
        VotingFloor floor = new VotingFloor(seating(Weighting.HEADCOUNT, MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT,
                QuorumRule.Kind.MAJORITY_OF_MEMBERS), room(Map.of("a", Set.of(T1), "b", Set.of(T1), "d", Set.of(T1), "x", Set.of(T1))));
        assertThat(floor.seatVotedBy("b", T1, "f").refusal().code()).isEqualTo("VOTE_DELEGATED");
        assertThat(floor.seatVotedBy("x", T1, "f").refusal().code()).isEqualTo("VOTER_NOT_MEMBER");
        assertThat(floor.seatVotedBy("c", T1, "f").refusal().code()).isEqualTo("VOTER_NOT_PRESENT");
        assertThat(floor.seatVotedBy("d", T1, "f").value().seatId()).isEqualTo("s-b");
    }

    @Test
    @DisplayName("a weighted vote: counts by population, threshold and base in inhabitants, shares of the voters' population")
    void weighted() {
        VotingFloor floor = new VotingFloor(seating(Weighting.POPULATION, MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT,
                QuorumRule.Kind.MAJORITY_OF_POPULATION), room(Map.of("a", Set.of(T0), "b", Set.of(T0), "c", Set.of(T0))));
        List<NamedVote> votes = List.of(new NamedVote("a", Choice.FOR), new NamedVote("b", Choice.FOR), new NamedVote("c", Choice.AGAINST));
        Tally heads = floor.namedTally(votes, T0).value();
        Tally weighted = floor.weightedTally(votes, T0).value();
        assertThat(heads).isEqualTo(new Tally(2, 1, 0));
        assertThat(weighted).isEqualTo(new Tally(3_000, 7_000, 0));
        VotingFloor.Decision d = floor.decide(T0, heads, weighted);
        assertThat(d.weightedRule()).isTrue();
        assertThat(d.base()).isEqualTo(10_000L);
        assertThat(d.threshold()).isEqualTo(5_001L);
        assertThat(d.computedOutcome()).as("two mayors of three, but 30% of the population").isEqualTo(Outcome.NOT_PASSED);
        assertThat(d.shares().inFavourShare()).isEqualTo(30.0);
        assertThat(d.shares().againstShare()).isEqualTo(70.0);
        assertThat(d.quorum().requiredPopulation()).isEqualTo(5_001L);
        assertThat(d.quorum().presentPopulation()).isEqualTo(10_000L);
    }

    @Test
    @DisplayName("the official outcome is the recorded one; the computed one is beside it when they differ")
    void officialOutcome() {
        assertThat(OfficialOutcome.of(Outcome.PASSED, Outcome.NOT_PASSED)).isEqualTo(
                new OfficialOutcome(Outcome.PASSED, Outcome.PASSED, Outcome.NOT_PASSED, true));
        assertThat(OfficialOutcome.of(null, Outcome.NOT_PASSED).official()).isEqualTo(Outcome.NOT_PASSED);
        assertThat(OfficialOutcome.of(Outcome.PASSED, Outcome.PASSED).disagree()).isFalse();
        assertThat(OfficialOutcome.of(null, null).official()).isNull();
    }
}
