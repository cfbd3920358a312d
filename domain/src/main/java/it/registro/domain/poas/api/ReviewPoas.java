package it.registro.domain.poas.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The Region's technical review, with its recommendations. */
public record ReviewPoas(
        @TargetAggregateIdentifier String poasId,
        LocalDate on,
        String by,
        String protocol,
        String outcome,
        List<String> recommendations,
        String source) {
}
