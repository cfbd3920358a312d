package it.registro.domain.person.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PersonRegistered(String personId, String name, String source) {
}
