package it.registro.domain.session.api;

import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.Tally;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
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
        String outcomeAsRecorded) {
}
