package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The adopted POAS is submitted to the Region; {@code dueOn} is a deadline set by the Region, if any. */
public record SubmitPoas(
        @TargetAggregateIdentifier String poasId,
        LocalDate on,
        String protocol,
        String channel,
        LocalDate dueOn,
        String source) {
}
