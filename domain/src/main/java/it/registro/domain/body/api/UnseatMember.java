package it.registro.domain.body.api;

import it.registro.domain.common.ActRef;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The current holder of a seat leaves it; {@code lastDay} is the last day they hold it. */
public record UnseatMember(
        @TargetAggregateIdentifier String bodyId,
        String seatId,
        LocalDate lastDay,
        String reason,
        ActRef act) {
}
