package it.registro.domain.territory.api;

import java.time.LocalDate;

/** The comuni of a territory on a day, with their populations in force then: an ambito, a district or an ASST's. */
public record FindTerritory(TerritoryKind kind, String id, LocalDate on) {
}
