package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Give a unit a new name from {@code effectiveFrom}, as decided by an act. The unit keeps its
 * identity: a rename is not a closure and an activation.
 */
public record RenameUnit(
        @TargetAggregateIdentifier String unitId,
        String name,
        LocalDate effectiveFrom,
        String actId,
        String reason,
        String source) {
}
