package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The act (or part of it) takes effect from a date ("a decorrere dal …"). */
public record RecordActEffect(
        @TargetAggregateIdentifier String actId,
        LocalDate from,
        String scopeAsRecorded,
        String source) {
}
