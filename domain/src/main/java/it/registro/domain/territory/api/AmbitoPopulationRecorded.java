package it.registro.domain.territory.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AmbitoPopulationRecorded(String ambitoId, long population, int comuni, LocalDate referenceDate, String source) {
}
