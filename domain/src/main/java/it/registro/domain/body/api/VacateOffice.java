package it.registro.domain.body.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An office becomes vacant (resignation, end of term, …). */
public record VacateOffice(
        @TargetAggregateIdentifier String bodyId,
        Office office,
        Instant at,
        String reason) {
}
