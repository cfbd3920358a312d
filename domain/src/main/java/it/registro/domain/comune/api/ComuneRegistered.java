package it.registro.domain.comune.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ComuneRegistered(String comuneId, String name, String province) {
}
