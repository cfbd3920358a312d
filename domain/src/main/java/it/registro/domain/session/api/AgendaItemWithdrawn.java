package it.registro.domain.session.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AgendaItemWithdrawn(
        String sessionId,
        int itemNo,
        String reason) {
}
