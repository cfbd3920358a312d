package it.registro.domain.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordArrival(
        @TargetAggregateIdentifier String sessionId,
        String personId,
        Instant at,
        TimePrecision precision,
        String textAsRecorded) {
}
