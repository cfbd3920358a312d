package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The agency adopts the POAS by a registered act (e.g. decreto 279/2022). */
public record AdoptPoas(
        @TargetAggregateIdentifier String poasId,
        String actId,
        LocalDate on,
        String source) {
}
