package it.registro.domain.session.api;

import java.time.Instant;

/** Who chaired at an instant. */
public record FindChairAt(String sessionId, Instant at) {
}
