package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The DGR approving a modification; the new version is in force from {@code on}. */
public record ApprovePoasModification(
        @TargetAggregateIdentifier String poasId,
        String modificationId,
        String actId,
        LocalDate on,
        String voteAsRecorded,
        String source) {
}
