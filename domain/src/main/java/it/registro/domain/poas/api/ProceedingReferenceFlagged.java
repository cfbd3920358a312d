package it.registro.domain.poas.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/**
 * A unit scheduled to close is still named by a proceeding type or an open proceeding; as with
 * DANGLING_REFERENCE, nothing is reassigned automatically: the reassignment is a later event naming
 * the POAS act.
 */
@Revision("1")
public record ProceedingReferenceFlagged(
        String unitId,
        String proceedingId,
        String scope,
        String role,
        LocalDate lastDay,
        String actId,
        String poasId) {
}
