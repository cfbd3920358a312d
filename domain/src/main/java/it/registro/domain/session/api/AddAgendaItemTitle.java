package it.registro.domain.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddAgendaItemTitle(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        String title,
        String source) {
}
