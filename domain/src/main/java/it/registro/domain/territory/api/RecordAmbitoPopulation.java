package it.registro.domain.territory.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The ambito's population as a document declares it ("Cremona … 48 156.113", seed 000 L10386), on a reference date. */
public record RecordAmbitoPopulation(@TargetAggregateIdentifier String ambitoId, long population, int comuni, LocalDate referenceDate,
                                     String source) {
}
