package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PoasModificationSubmitted(
        String poasId,
        String modificationId,
        LocalDate on,
        String protocol,
        String channel,
        String source) {
}
