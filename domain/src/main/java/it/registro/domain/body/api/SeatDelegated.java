package it.registro.domain.body.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SeatDelegated(String bodyId, String delegationId, String seatId, String delegatorPersonId,
                            String delegatePersonId, String nameAsRecorded, Instant from, Instant to,
                            String sessionRef, String letterRef) {
}
