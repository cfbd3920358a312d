package it.registro.domain.session.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AgendaItemAdded(
        String sessionId,
        int itemNo,
        ItemKind kind,
        String title) {
}
