package it.registro.domain.session.api;

import java.time.Instant;

/** The quorum at an instant, under the rule set in force on the session date. */
public record FindQuorumAt(String sessionId, Instant at) {
}
