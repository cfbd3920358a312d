package it.registro.domain.body.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OfficeVacated(String bodyId, Office office, String personId, Instant at, String reason) {
}
