package it.registro.domain.body.api;

import it.registro.domain.common.ActRef;
import org.axonframework.serialization.Revision;

@Revision("1")
public record SeatDefined(String bodyId, String seatId, SeatRole role, String constituency,
                          String labelAsRecorded, ActRef act) {
}
