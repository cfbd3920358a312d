package it.registro.domain.session.api;

public record NamedVote(String personId, Choice choice) {
}
