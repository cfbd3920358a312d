package it.registro.domain.session.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The minutes of this sitting approved by a vote of a later sitting of the same body (sent by the service itself). */
public record ApproveMinutes(
        @TargetAggregateIdentifier String sessionId,
        String bodyId,
        String approvingSessionId,
        String approvingFactId,
        LocalDate on) {
}
