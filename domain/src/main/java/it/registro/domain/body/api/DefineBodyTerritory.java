package it.registro.domain.body.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import it.registro.domain.territory.api.TerritoryKind;

/**
 * The territory a mayors' body stands for from a day on: an ASST's for a Conferenza dei Sindaci, a district for an
 * Assemblea dei Sindaci di Distretto. Its members on a day are derived from it and a composition that disagrees is flagged.
 */
public record DefineBodyTerritory(@TargetAggregateIdentifier String bodyId, TerritoryKind kind, String territoryId, LocalDate from,
                                  String source) {
}
