package it.registro.domain.comune.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a municipality (comune). */
public record RegisterComune(@TargetAggregateIdentifier String comuneId, String name, String province) {
}
