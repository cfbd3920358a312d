package it.registro.domain.comune.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The comune's population on a reference date, with its source. */
public record RecordPopulation(@TargetAggregateIdentifier String comuneId, long population, LocalDate referenceDate,
                               String source) {
}
