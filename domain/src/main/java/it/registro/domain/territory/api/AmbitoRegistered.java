package it.registro.domain.territory.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AmbitoRegistered(String ambitoId, String nationalCode, String name, String source) {
}
