package it.registro.domain.body.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record InterimPresidingOfficerDesignated(String bodyId, String personId, String capacity, Instant from,
                                                String basisAsRecorded) {
}
