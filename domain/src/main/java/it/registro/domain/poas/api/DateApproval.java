package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Complete an approval recorded without its date. */
public record DateApproval(
        @TargetAggregateIdentifier String poasId,
        String actId,
        LocalDate on,
        String source) {
}
