package it.registro.domain.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ChairAssumed(
        String sessionId,
        String factId,
        String personId,
        boolean member,
        Instant at,
        ChairBasis basis,
        String labelAsRecorded,
        String reasonAsRecorded,
        String replacingPersonId) {
}
