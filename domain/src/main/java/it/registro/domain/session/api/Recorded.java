package it.registro.domain.session.api;

/** What a command that records a fact answers: the fact's id, and the session's version after it. */
public record Recorded(String id, long version) {
}
