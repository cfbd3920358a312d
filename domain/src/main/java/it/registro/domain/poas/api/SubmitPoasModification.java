package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SubmitPoasModification(
        @TargetAggregateIdentifier String poasId,
        String modificationId,
        LocalDate on,
        String protocol,
        String channel,
        String source) {
}
