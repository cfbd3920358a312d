package it.registro.domain.session.api;

import org.axonframework.serialization.Revision;

/** Revision 2 added {@code minutesOf}: for a MINUTES_APPROVAL item, the sitting whose minutes it approves. */
@Revision("2")
public record AgendaItemAdded(
        String sessionId,
        int itemNo,
        ItemKind kind,
        String title,
        String minutesOf) {

    public AgendaItemAdded(String sessionId, int itemNo, ItemKind kind, String title) {
        this(sessionId, itemNo, kind, title, null);
    }
}
