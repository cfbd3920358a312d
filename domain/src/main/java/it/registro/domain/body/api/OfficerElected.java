package it.registro.domain.body.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record OfficerElected(String bodyId, Office office, String personId, String nameAsRecorded, Instant at,
                             String sessionRef, Tally tally) {
}
