package it.registro.domain.poas.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PoasModificationReviewed(
        String poasId,
        String modificationId,
        LocalDate on,
        String by,
        String protocol,
        String outcome,
        List<String> recommendations,
        String source) {
}
