package it.registro.domain.body.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Rename a body from a business date, with a reason. {@code expectedVersion}, when given, makes
 * the rename fail if someone else changed the body since the caller read it.
 */
public record RenameBody(
        @TargetAggregateIdentifier String bodyId,
        String newName,
        String reason,
        LocalDate effectiveFrom,
        @TargetAggregateVersion Long expectedVersion) {
}
