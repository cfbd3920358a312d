package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ActSubmitted(
        String actId,
        String to,
        String channel,
        String protocol,
        LocalDate on,
        String source) {
}
