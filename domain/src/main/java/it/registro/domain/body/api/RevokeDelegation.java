package it.registro.domain.body.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A delegation ends early. */
public record RevokeDelegation(
        @TargetAggregateIdentifier String bodyId,
        String delegationId,
        Instant at,
        String reason) {
}
