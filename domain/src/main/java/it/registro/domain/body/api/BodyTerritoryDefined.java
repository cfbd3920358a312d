package it.registro.domain.body.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

import it.registro.domain.territory.api.TerritoryKind;

@Revision("1")
public record BodyTerritoryDefined(String bodyId, TerritoryKind kind, String territoryId, LocalDate from, String source) {
}
