package it.registro.domain.proceeding.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProceedingUnitReassigned(
        String proceedingId,
        String fromUnitId,
        UnitRef toUnit,
        List<String> roles,
        String actId,
        String poasId,
        LocalDate effectiveFrom) {
}
