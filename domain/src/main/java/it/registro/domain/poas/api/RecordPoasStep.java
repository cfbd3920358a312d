package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A step of the approval chain as the documents date it: guidelines, requests, meetings, opinions, instructions. */
public record RecordPoasStep(
        @TargetAggregateIdentifier String poasId,
        LocalDate on,
        String step,
        String actor,
        String actId,
        String textAsRecorded,
        String source) {
}
