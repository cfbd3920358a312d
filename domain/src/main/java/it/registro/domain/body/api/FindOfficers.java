package it.registro.domain.body.api;

import java.time.Instant;

/** Who held each office at an instant, and who presided in the interim. */
public record FindOfficers(String bodyId, Instant at) {
}
