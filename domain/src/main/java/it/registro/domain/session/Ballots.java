package it.registro.domain.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.Tally;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Verdict;
import it.registro.domain.session.api.NamedVote;
import it.registro.domain.session.api.Outcome;
import it.registro.domain.session.api.QuorumFigures;
import it.registro.domain.session.api.VoteMode;

/**
 * The ballots of a sitting: every vote and election with what decides it (instant, counts, named
 * choices, the outcome the minutes record) and the figures the voting floor gave, so that a correction can
 * have them computed again. One ballot per motion (an item and its subject): a motion voted by secret
 * ballot is never voted again by name, nor the reverse, and a motion is put to a second ballot only as a
 * re-vote with its reason. Changed only by the session's event handlers.
 */
final class Ballots {

    /** A vote or an election: {@code office} and {@code personId} only for an election. */
    record Ballot(String factId, int itemNo, String motion, Instant at, VoteMode mode, Tally tally, List<NamedVote> choices,
                  Outcome recordedOutcome, Office office, String personId, Figures figures) {

        boolean election() {
            return office != null;
        }

        boolean secret() {
            return mode == VoteMode.SECRET;
        }

        boolean named() {
            return mode == VoteMode.OPEN_NAMED;
        }

        Ballot with(Tally tally, Figures figures) {
            return new Ballot(factId, itemNo, motion, at, mode, tally, choices, recordedOutcome, office, personId, figures);
        }

        Ballot withRecordedOutcome(Outcome recorded) {
            return new Ballot(factId, itemNo, motion, at, mode, tally, choices, recorded, office, personId, figures);
        }
    }

    /** What the voting floor gave for a ballot, as recorded. */
    record Figures(int presentAtVote, QuorumFigures quorum, Tally weighted, Integer ruleSetVersion, String rule, boolean weightedRule,
                   Long threshold, Long base, Outcome computed) {
    }

    private final Map<String, Ballot> ballots = new LinkedHashMap<>();

    static String motion(int itemNo, String subject) {
        return itemNo + ":" + (subject == null ? "" : subject.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
    }

    /**
     * Whether a vote may be held on a motion: a secret ballot and a named (or open) vote never on the same
     * item — the names would undo the secret — and a second ballot on a motion only as a re-vote.
     */
    Verdict mayVote(int itemNo, String subject, VoteMode mode, String revoteReason) {
        List<Ballot> onItem = ballots.values().stream().filter(b -> !b.election() && b.itemNo() == itemNo).toList();
        String motion = motion(itemNo, subject);
        boolean revote = revoteReason != null && !revoteReason.isBlank();
        if (revote) {
            return onItem.stream().anyMatch(b -> b.motion().equals(motion)) ? Verdict.allowed()
                    : Verdict.rejected(Rejection.invalid("NOTHING_TO_REVOTE", "revoteReason",
                    "Item " + itemNo + (subject == null ? "" : " ('" + subject + "')") + " has had no ballot to repeat"));
        }
        boolean secretHeld = onItem.stream().anyMatch(Ballot::secret);
        if (secretHeld && mode != VoteMode.SECRET) {
            return Verdict.rejected(Rejection.conflict("SECRET_BALLOT_HELD", "mode",
                    "Item " + itemNo + " was voted by secret ballot: no open or named vote on it, unless it is a re-vote with its reason"));
        }
        if (mode == VoteMode.SECRET && onItem.stream().anyMatch(b -> !b.secret())) {
            return Verdict.rejected(Rejection.conflict("OPEN_BALLOT_HELD", "mode",
                    "Item " + itemNo + " was voted openly: a secret ballot on it needs a re-vote with its reason"));
        }
        if (onItem.stream().anyMatch(b -> b.motion().equals(motion))) {
            return Verdict.rejected(Rejection.conflict("BALLOT_ALREADY_HELD", "itemNo",
                    "The motion of item " + itemNo + " was already put to a ballot: record a re-vote with its reason"));
        }
        return Verdict.allowed();
    }

    /** The latest ballot on a motion, which a re-vote repeats. */
    Optional<Ballot> latestOn(int itemNo, String subject) {
        String motion = motion(itemNo, subject);
        Ballot latest = null;
        for (Ballot b : ballots.values()) {
            if (!b.election() && b.motion().equals(motion)) {
                latest = b;
            }
        }
        return Optional.ofNullable(latest);
    }

    Optional<Ballot> get(String factId) {
        return Optional.ofNullable(ballots.get(factId));
    }

    List<Ballot> all() {
        return new ArrayList<>(ballots.values());
    }

    // ------------------------------------------------------------------ applied by the event handlers

    void recorded(Ballot ballot) {
        ballots.put(ballot.factId(), ballot);
    }

    void replaced(Ballot ballot) {
        ballots.put(ballot.factId(), ballot);
    }
}
