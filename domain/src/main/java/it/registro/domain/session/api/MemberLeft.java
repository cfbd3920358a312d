package it.registro.domain.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberLeft(
        String sessionId,
        String factId,
        String personId,
        Instant at,
        TimePrecision precision,
        String textAsRecorded) {
}
