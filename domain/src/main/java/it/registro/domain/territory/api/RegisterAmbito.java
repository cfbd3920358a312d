package it.registro.domain.territory.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register an ambito territoriale sociale (the comuni of a Piano di Zona): its regional code is its id ("50006"),
 * with the national register's code ("lom_36") and its name (seed 000 L10384-10404).
 */
public record RegisterAmbito(@TargetAggregateIdentifier String ambitoId, String nationalCode, String name, String source) {
}
