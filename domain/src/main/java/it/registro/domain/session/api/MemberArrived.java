package it.registro.domain.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MemberArrived(
        String sessionId,
        String factId,
        String personId,
        String seatId,
        boolean delegate,
        Instant at,
        TimePrecision precision,
        String textAsRecorded) {
}
