package it.registro.domain.body.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BodyAliasRecorded(String bodyId, String alias, String source) {
}
