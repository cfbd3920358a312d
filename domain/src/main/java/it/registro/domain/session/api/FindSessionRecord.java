package it.registro.domain.session.api;

/** The full record of a sitting: the verbale view. */
public record FindSessionRecord(String sessionId) {
}
