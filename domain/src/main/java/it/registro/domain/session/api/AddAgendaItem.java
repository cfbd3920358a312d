package it.registro.domain.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An agenda item; {@code minutesOf}, for a MINUTES_APPROVAL item only, names the earlier sitting whose minutes it approves. */
public record AddAgendaItem(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        ItemKind kind,
        String title,
        String minutesOf) {

    public AddAgendaItem(String sessionId, int itemNo, ItemKind kind, String title) {
        this(sessionId, itemNo, kind, title, null);
    }
}
