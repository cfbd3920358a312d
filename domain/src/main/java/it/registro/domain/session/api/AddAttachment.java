package it.registro.domain.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddAttachment(
        @TargetAggregateIdentifier String sessionId,
        Integer itemNo,
        String title,
        String reference) {
}
