package it.registro.domain.session.api;

import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.Tally;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordElection(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        Office office,
        String personId,
        String nameAsRecorded,
        Instant at,
        Tally tally,
        String outcomeAsRecorded) {
}
