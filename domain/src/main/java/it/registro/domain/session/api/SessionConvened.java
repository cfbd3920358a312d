package it.registro.domain.session.api;

import java.time.LocalDate;
import java.time.LocalTime;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SessionConvened(
        String sessionId,
        String bodyId,
        String number,
        String protocol,
        LocalDate protocolDate,
        String convenerPersonId,
        String convenerNameAsRecorded,
        LocalDate date,
        LocalTime scheduledStart,
        SessionMode mode,
        String venue,
        String textAsRecorded) {
}
