package it.registro.domain.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawAgendaItem(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        String reason) {
}
