package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A body consulted on the act: HEARD ("sentita", no outcome recorded), OPINION, MEETING. */
public record RecordConsultation(
        @TargetAggregateIdentifier String actId,
        String consulted,
        String kind,
        LocalDate on,
        String outcomeAsRecorded,
        String minutesRef,
        String source) {
}
