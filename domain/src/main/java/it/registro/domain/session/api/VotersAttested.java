package it.registro.domain.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record VotersAttested(
        String sessionId,
        String factId,
        int itemNo,
        int count,
        Instant at,
        String textAsRecorded) {
}
