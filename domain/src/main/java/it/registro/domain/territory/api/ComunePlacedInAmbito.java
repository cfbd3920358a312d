package it.registro.domain.territory.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ComunePlacedInAmbito(String ambitoId, String comuneId, LocalDate from, String source) {
}
