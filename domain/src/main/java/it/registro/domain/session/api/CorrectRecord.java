package it.registro.domain.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CorrectRecord(
        @TargetAggregateIdentifier String sessionId,
        String factId,
        String field,
        String value,
        String reason) {
}
