package it.registro.domain.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignChair(
        @TargetAggregateIdentifier String sessionId,
        String personId,
        Instant at,
        ChairBasis basis,
        String labelAsRecorded,
        String reasonAsRecorded) {
}
