package it.registro.domain.session.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DistributeMinutes(
        @TargetAggregateIdentifier String sessionId,
        LocalDate on,
        String channel,
        String address,
        String recipientsAsRecorded) {
}
