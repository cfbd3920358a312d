package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UnitRenamed(
        String unitId,
        String fromName,
        String toName,
        LocalDate effectiveFrom,
        String actId,
        String reason,
        String source) {
}
