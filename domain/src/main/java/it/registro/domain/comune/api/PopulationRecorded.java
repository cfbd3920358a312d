package it.registro.domain.comune.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PopulationRecorded(String comuneId, long population, LocalDate referenceDate, String source) {
}
