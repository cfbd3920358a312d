package it.registro.domain.session.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MinutesDistributed(
        String sessionId,
        LocalDate on,
        String channel,
        String address,
        String recipientsAsRecorded) {
}
