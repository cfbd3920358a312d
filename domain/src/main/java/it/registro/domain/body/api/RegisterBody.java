package it.registro.domain.body.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a governance body. The id is a readable slug chosen once (by default from the name) and
 * never changes, even when the body is renamed; registering the same id twice is a conflict.
 */
public record RegisterBody(
        @TargetAggregateIdentifier String bodyId,
        BodyKind kind,
        Agency agency,
        String name,
        String legalBasis) {
}
