package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PoasSubmitted(
        String poasId,
        LocalDate on,
        String protocol,
        String channel,
        LocalDate dueOn,
        String source) {
}
