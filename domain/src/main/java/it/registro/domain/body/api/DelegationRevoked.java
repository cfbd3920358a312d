package it.registro.domain.body.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record DelegationRevoked(String bodyId, String delegationId, Instant at, String reason) {
}
