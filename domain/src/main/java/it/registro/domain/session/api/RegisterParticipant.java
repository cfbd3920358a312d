package it.registro.domain.session.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterParticipant(
        @TargetAggregateIdentifier String sessionId,
        String personId,
        String nameAsRecorded,
        ParticipantRole role,
        String roleAsRecorded) {
}
