package it.registro.domain.poas.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReviewPoasModification(
        @TargetAggregateIdentifier String poasId,
        String modificationId,
        LocalDate on,
        String by,
        String protocol,
        String outcome,
        List<String> recommendations,
        String source) {
}
