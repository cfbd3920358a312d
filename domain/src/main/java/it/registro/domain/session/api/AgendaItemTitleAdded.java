package it.registro.domain.session.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AgendaItemTitleAdded(
        String sessionId,
        int itemNo,
        String title,
        String source) {
}
