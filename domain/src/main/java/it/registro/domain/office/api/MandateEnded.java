package it.registro.domain.office.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MandateEnded(String mandateId, java.time.LocalDate lastDay, String reason, String byActRef) {
}
