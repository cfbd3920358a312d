package it.registro.domain.person.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PersonAliasRecorded(String personId, String alias, String source) {
}
