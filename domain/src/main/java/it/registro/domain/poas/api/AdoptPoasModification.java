package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A later modification of an approved POAS, adopted by an act of the agency: it follows the same chain
 * as the POAS (submission, the Region's review, approval by a DGR) and becomes a new version once
 * approved. {@code modificationId} is a slug chosen by the caller, unique within the POAS.
 */
public record AdoptPoasModification(
        @TargetAggregateIdentifier String poasId,
        String modificationId,
        String actId,
        LocalDate on,
        String label,
        String source) {
}
