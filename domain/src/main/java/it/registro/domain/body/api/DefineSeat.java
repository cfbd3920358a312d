package it.registro.domain.body.api;

import it.registro.domain.common.ActRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define a seat of the body without yet naming a holder. */
public record DefineSeat(
        @TargetAggregateIdentifier String bodyId,
        SeatRole role,
        String constituency,
        String labelAsRecorded,
        ActRef act) {
}
