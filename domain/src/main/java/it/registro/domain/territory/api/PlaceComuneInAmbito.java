package it.registro.domain.territory.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A comune belongs to the ambito from a day on (a comune that moves is removed from one and placed in another). */
public record PlaceComuneInAmbito(@TargetAggregateIdentifier String ambitoId, String comuneId, LocalDate from, String source) {
}
