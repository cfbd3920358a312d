package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a unit under another parent from {@code effectiveFrom} (its first day there), as decided by an act. */
public record MoveUnit(
        @TargetAggregateIdentifier String unitId,
        String parentUnitId,
        LocalDate effectiveFrom,
        String actId,
        String reason,
        String source) {
}
