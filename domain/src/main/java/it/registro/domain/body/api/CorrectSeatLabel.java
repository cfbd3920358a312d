package it.registro.domain.body.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A correction of how the act labels a seat, with its reason (the seat's role and constituency are its identity). */
public record CorrectSeatLabel(
        @TargetAggregateIdentifier String bodyId,
        String seatId,
        String labelAsRecorded,
        String reason) {
}
