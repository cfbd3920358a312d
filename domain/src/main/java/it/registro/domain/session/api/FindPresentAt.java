package it.registro.domain.session.api;

import java.time.Instant;

/** Members and delegates present at an instant. */
public record FindPresentAt(String sessionId, Instant at) {
}
