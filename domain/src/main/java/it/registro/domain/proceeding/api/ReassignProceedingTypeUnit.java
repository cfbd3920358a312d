package it.registro.domain.proceeding.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The type's responsible unit {@code fromUnitId}, closed by a POAS act, is replaced from {@code effectiveFrom}. */
public record ReassignProceedingTypeUnit(
        @TargetAggregateIdentifier String proceedingTypeId,
        String fromUnitId,
        UnitRef toUnit,
        String actId,
        String poasId,
        LocalDate effectiveFrom) {
}
