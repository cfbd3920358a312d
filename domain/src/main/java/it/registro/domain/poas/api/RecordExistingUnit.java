package it.registro.domain.poas.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A unit that already exists when the register first hears of it (its creating act is not known). */
public record RecordExistingUnit(
        @TargetAggregateIdentifier String unitId,
        String agency,
        UnitType type,
        String code,
        String name,
        String presidio,
        String refersToUnitId,
        String source) {
}
