package it.registro.domain.body.api;

import java.time.Instant;

/** Delegations in force at an instant, and who holds the vote of each seat. */
public record FindDelegations(String bodyId, Instant at) {
}
