package it.registro.domain.body.api;

import it.registro.domain.common.ActRef;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record an act that sets the body's composition from a date: every seat listed is held from then
 * on by the person named; a different previous holder's term ends the day before; a seat not
 * listed is left vacant. With {@code renewal}, the body's offices lapse (seed 004 L107-108: the
 * President "non essendo ancora stato rieletto" after the renewal).
 */
public record RecordComposition(
        @TargetAggregateIdentifier String bodyId,
        ActRef act,
        LocalDate effectiveFrom,
        boolean renewal,
        List<SeatEntry> seats) {
}
