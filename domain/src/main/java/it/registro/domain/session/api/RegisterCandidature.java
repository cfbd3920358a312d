package it.registro.domain.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterCandidature(
        @TargetAggregateIdentifier String sessionId,
        int itemNo,
        String candidatureId,
        String name,
        String detailsAsRecorded,
        String source) {
}
