package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ActRevoked(
        String actId,
        LocalDate from,
        String byActId) {
}
