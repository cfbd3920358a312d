package it.registro.domain.proceeding.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

/** {@code roles}: which of the type's units were the closed one (INQUIRY, FINAL_ACT). */
@Revision("1")
public record ProceedingTypeUnitReassigned(
        String proceedingTypeId,
        String fromUnitId,
        UnitRef toUnit,
        List<String> roles,
        String actId,
        String poasId,
        LocalDate effectiveFrom) {
}
