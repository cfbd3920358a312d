package it.registro.domain.session.api;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

import it.registro.domain.body.api.Tally;

/**
 * A vote as recorded, with the figures the voting floor gave at its instant: voters present (seats),
 * quorum, counts by head and, where the body weighs votes, by population ({@code weightedTally},
 * {@code weightedRule}), the majority's {@code threshold} and {@code base} in the same unit, and the
 * outcome the rules give beside the one the minutes record. Revision 2 added {@code base},
 * {@code weightedRule}, {@code revoteOf} and {@code revoteReason} (absent, i.e. null or false, in revision 1).
 */
@Revision("2")
public record VoteRecorded(
        String sessionId,
        String factId,
        int itemNo,
        String subject,
        Instant at,
        VoteMode mode,
        Tally tally,
        List<NamedVote> votes,
        Tally weightedTally,
        int presentAtVote,
        QuorumFigures quorum,
        Integer ruleSetVersion,
        String majorityRule,
        Long threshold,
        Outcome computedOutcome,
        Outcome recordedOutcome,
        String outcomeAsRecorded,
        Long base,
        boolean weightedRule,
        String revoteOf,
        String revoteReason) {
}
