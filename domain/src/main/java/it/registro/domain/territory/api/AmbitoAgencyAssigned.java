package it.registro.domain.territory.api;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AmbitoAgencyAssigned(String ambitoId, AgencyLevel level, String agency, List<String> comuni, LocalDate from, String source) {
}
