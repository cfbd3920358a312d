package it.registro.domain.session.api;

import it.registro.domain.body.api.Tally;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordVote(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        String subject,
        Instant at,
        VoteMode mode,
        Tally tally,
        List<NamedVote> votes,
        Outcome recordedOutcome,
        String outcomeAsRecorded) {
}
