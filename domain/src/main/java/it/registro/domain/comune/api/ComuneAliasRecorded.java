package it.registro.domain.comune.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ComuneAliasRecorded(String comuneId, String alias, String source) {
}
