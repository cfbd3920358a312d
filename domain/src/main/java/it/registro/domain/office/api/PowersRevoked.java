package it.registro.domain.office.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PowersRevoked(String mandateId, String delegationId, java.time.LocalDate lastDay, String byActRef) {
}
