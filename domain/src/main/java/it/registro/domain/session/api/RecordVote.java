package it.registro.domain.session.api;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import it.registro.domain.body.api.Tally;

/**
 * A vote on an agenda item. {@code revoteReason}: the motion was already put to a ballot and is put
 * again (a re-vote), for this reason; without it a motion has one ballot.
 */
public record RecordVote(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        String subject,
        Instant at,
        VoteMode mode,
        Tally tally,
        List<NamedVote> votes,
        Outcome recordedOutcome,
        String outcomeAsRecorded,
        String revoteReason) {

    public RecordVote(String sessionId, int itemNo, String subject, Instant at, VoteMode mode, Tally tally, List<NamedVote> votes,
                      Outcome recordedOutcome, String outcomeAsRecorded) {
        this(sessionId, itemNo, subject, at, mode, tally, votes, recordedOutcome, outcomeAsRecorded, null);
    }
}
