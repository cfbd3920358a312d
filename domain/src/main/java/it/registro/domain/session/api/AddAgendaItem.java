package it.registro.domain.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddAgendaItem(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        ItemKind kind,
        String title) {
}
