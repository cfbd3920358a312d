package it.registro.domain.proceeding.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An open proceeding's unit {@code fromUnitId}, closed by a POAS act, is replaced from {@code effectiveFrom}. */
public record ReassignProceedingUnit(
        @TargetAggregateIdentifier String proceedingId,
        String fromUnitId,
        UnitRef toUnit,
        String actId,
        String poasId,
        LocalDate effectiveFrom) {
}
