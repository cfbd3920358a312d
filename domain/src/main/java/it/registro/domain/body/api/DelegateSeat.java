package it.registro.domain.body.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The holder of a seat delegates it to a named person for a period (or one session), as a
 * delegation letter says; while it lasts the delegate, not the holder, votes for the seat.
 *
 * @param from inclusive
 * @param to   exclusive
 */
public record DelegateSeat(
        @TargetAggregateIdentifier String bodyId,
        String delegationId,
        String seatId,
        String delegatePersonId,
        String nameAsRecorded,
        Instant from,
        Instant to,
        String sessionRef,
        String letterRef) {
}
