package it.registro.domain.session.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record OpenSession(
        @TargetAggregateIdentifier String sessionId,
        Instant at) {
}
