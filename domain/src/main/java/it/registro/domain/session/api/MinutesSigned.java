package it.registro.domain.session.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MinutesSigned(
        String sessionId,
        LocalDate on,
        List<Signatory> signatories) {
}
