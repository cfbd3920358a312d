package it.registro.domain.session.api;

import it.registro.domain.body.api.Tally;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
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
        String outcomeAsRecorded) {
}
