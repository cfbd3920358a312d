package it.registro.domain.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.body.api.Tally;
import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.session.api.ItemKind;
import it.registro.domain.session.api.VoteMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The session's small value objects, each with its own rules: agenda, attendance, ballots, recorded facts. */
class SessionStateTest {

    private static final Instant T10 = Instant.parse("2024-10-18T08:00:00Z");

    private static String code(Runnable r) {
        try {
            r.run();
            return null;
        } catch (CommandRejectedException e) {
            return e.rejection().code();
        }
    }

    @Test
    @DisplayName("agenda: an item added once, withdrawn once; information items and withdrawn items are not voted")
    void agenda() {
        Agenda a = new Agenda();
        a.added(1, ItemKind.DELIBERATION, null);
        a.added(2, ItemKind.INFORMATION, null);
        assertThat(a.mayAdd(1).rejection().map(r -> r.code())).contains("DUPLICATE_ITEM");
        assertThat(a.mayAdd(3).isAllowed()).isTrue();
        assertThat(code(() -> a.item(9))).isEqualTo("ITEM_NOT_ON_AGENDA");
        assertThat(code(() -> a.votable(2))).isEqualTo("ITEM_NOT_VOTABLE");
        assertThat(a.votable(1).kind()).isEqualTo(ItemKind.DELIBERATION);
        a.withdrawn(1);
        assertThat(code(() -> a.votable(1))).isEqualTo("ITEM_WITHDRAWN");
        assertThat(a.mayWithdraw(1).rejection().map(r -> r.code())).contains("ITEM_WITHDRAWN");
    }

    @Test
    @DisplayName("attendance: present from arrival to departure (exclusive); no second arrival while there; a corrected time moves the stay")
    void attendance() {
        Attendance a = new Attendance();
        a.arrived("m1", "fact-1", T10);
        assertThat(a.presentAt("m1", T10)).isTrue();
        assertThat(a.presentAt("m1", T10.minusSeconds(60))).isFalse();
        assertThat(a.mayArrive("m1", T10.plusSeconds(60)).rejection().map(r -> r.code())).contains("ALREADY_PRESENT");
        a.left("m1", "fact-2", T10.plusSeconds(3600));
        assertThat(a.presentAt("m1", T10.plusSeconds(3600))).isFalse();
        assertThat(a.mayArrive("m1", T10.plusSeconds(3700)).isAllowed()).isTrue();
        Attendance corrected = a.withTime("m1", "fact-1", T10.plusSeconds(600));
        assertThat(corrected.presentAt("m1", T10.plusSeconds(300))).isFalse();
        assertThat(a.presentAt("m1", T10.plusSeconds(300))).as("the original is left as it was").isTrue();
        a.markedAbsent("m2");
        assertThat(a.mayArrive("m2", T10).rejection().map(r -> r.code())).contains("MARKED_ABSENT");
    }

    @Test
    @DisplayName("ballots: one per motion; secret and open never on the same item; a re-vote needs a ballot to repeat")
    void ballots() {
        Ballots b = new Ballots();
        b.recorded(new Ballots.Ballot("fact-1", 2, Ballots.motion(2, "Nomina"), T10, VoteMode.SECRET, new Tally(3, 1, 0), List.of(),
                null, null, null, null));
        assertThat(b.mayVote(2, "Nomina", VoteMode.OPEN_NAMED, null).rejection().map(r -> r.code())).contains("SECRET_BALLOT_HELD");
        assertThat(b.mayVote(2, "altro", VoteMode.OPEN_COUNTS, null).rejection().map(r -> r.code())).contains("SECRET_BALLOT_HELD");
        assertThat(b.mayVote(2, " nomina ", VoteMode.SECRET, null).rejection().map(r -> r.code())).contains("BALLOT_ALREADY_HELD");
        assertThat(b.mayVote(2, "Nomina", VoteMode.OPEN_NAMED, "contestazione").isAllowed()).isTrue();
        assertThat(b.mayVote(3, "x", VoteMode.OPEN_COUNTS, "di nuovo").rejection().map(r -> r.code())).contains("NOTHING_TO_REVOTE");
        assertThat(b.latestOn(2, "NOMINA")).map(Ballots.Ballot::factId).contains("fact-1");
        b.recorded(new Ballots.Ballot("fact-2", 4, Ballots.motion(4, null), T10, VoteMode.OPEN_COUNTS, new Tally(3, 1, 0), List.of(),
                null, null, null, null));
        assertThat(b.mayVote(4, null, VoteMode.SECRET, null).rejection().map(r -> r.code())).contains("OPEN_BALLOT_HELD");
    }

    @Test
    @DisplayName("recorded facts: several fields corrected at once; a tally 'a/b/c' stands for the three counts")
    void recordedFacts() {
        RecordedFacts.Fact vote = new RecordedFacts.Fact("vote", null, 2, RecordedFacts.values("inFavour", 3, "against", 0, "abstained", 1,
                "subject", "Piano"));
        assertThat(RecordedFacts.normalise(vote, Map.of("tally", "1/3/0"), LocalDate.of(2024, 10, 18)))
                .containsEntry("inFavour", "1").containsEntry("against", "3").containsEntry("abstained", "0");
        assertThat(code(() -> RecordedFacts.normalise(vote, Map.of("tally", "1/3"), LocalDate.of(2024, 10, 18)))).isEqualTo("INVALID_VALUE");
        assertThat(code(() -> RecordedFacts.normalise(vote, Map.of("office", "x"), LocalDate.of(2024, 10, 18))))
                .isEqualTo("FIELD_NOT_CORRECTABLE");
        RecordedFacts facts = new RecordedFacts();
        facts.put("fact-9", vote);
        facts.corrected("fact-9", Map.of("inFavour", "2"));
        assertThat(facts.get("fact-9").values()).containsEntry("inFavour", "2").containsEntry("subject", "Piano");
    }
}
