package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UnitMoved(
        String unitId,
        String fromParentUnitId,
        String toParentUnitId,
        LocalDate effectiveFrom,
        String actId,
        String reason,
        String source) {
}
