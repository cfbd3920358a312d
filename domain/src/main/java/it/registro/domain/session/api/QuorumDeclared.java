package it.registro.domain.session.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record QuorumDeclared(
        String sessionId,
        Instant at,
        String textAsRecorded,
        Integer statedPresent,
        QuorumFigures computed) {
}
