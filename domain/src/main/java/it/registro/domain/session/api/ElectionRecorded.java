package it.registro.domain.session.api;

import java.time.Instant;

import org.axonframework.serialization.Revision;

import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.Tally;

/** An election as recorded, with the figures the voting floor gave (see VoteRecorded). Revision 2 added {@code base} and {@code weightedRule}. */
@Revision("2")
public record ElectionRecorded(
        String sessionId,
        String factId,
        String bodyId,
        int itemNo,
        Office office,
        String personId,
        String nameAsRecorded,
        Instant at,
        Tally tally,
        int presentAtVote,
        QuorumFigures quorum,
        Integer ruleSetVersion,
        String majorityRule,
        Long threshold,
        Outcome computedOutcome,
        String outcomeAsRecorded,
        Long base,
        boolean weightedRule) {
}
