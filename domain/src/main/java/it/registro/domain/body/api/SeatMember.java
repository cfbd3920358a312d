package it.registro.domain.body.api;

import it.registro.domain.common.ActRef;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person takes a seat from a date (and, if known, until a last day), under an act. */
public record SeatMember(
        @TargetAggregateIdentifier String bodyId,
        String seatId,
        String personId,
        String nameAsRecorded,
        String comuneId,
        LocalDate from,
        LocalDate to,
        ActRef act) {
}
