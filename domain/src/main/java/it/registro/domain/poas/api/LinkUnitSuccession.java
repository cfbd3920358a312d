package it.registro.domain.poas.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Link a unit to the unit it succeeds; addressed to the successor. Basis INFERRED when the seed never states it. */
public record LinkUnitSuccession(
        @TargetAggregateIdentifier String unitId,
        String predecessorUnitId,
        SuccessionKind kind,
        SuccessionBasis basis,
        String evidence,
        String source) {
}
