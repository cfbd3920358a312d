package it.registro.domain.territory.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A comune no longer belongs to the ambito from a day on (that day excluded). */
public record RemoveComuneFromAmbito(@TargetAggregateIdentifier String ambitoId, String comuneId, LocalDate from, String source) {
}
