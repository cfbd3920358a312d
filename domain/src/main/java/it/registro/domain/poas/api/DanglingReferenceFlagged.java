package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record DanglingReferenceFlagged(
        String unitId,
        String referrerUnitId,
        LocalDate lastDay,
        String actId) {
}
