package it.registro.domain.act.api;

import it.registro.domain.body.api.Tally;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The act was adopted (signed) on a date; the vote, when collegial, as recorded. */
public record RecordAdoption(
        @TargetAggregateIdentifier String actId,
        LocalDate on,
        String signedByAsRecorded,
        Boolean unanimous,
        Tally tally,
        String voteAsRecorded,
        String source) {
}
