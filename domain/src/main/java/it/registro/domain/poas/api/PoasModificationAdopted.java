package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PoasModificationAdopted(
        String poasId,
        String modificationId,
        String actId,
        LocalDate on,
        String label,
        String source) {
}
