package it.registro.domain.poas.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A POAS of an agency for a period (e.g. ASST Cremona 2022-2024). */
public record OpenPoas(
        @TargetAggregateIdentifier String poasId,
        String agencyName,
        String period,
        String label,
        String source) {
}
