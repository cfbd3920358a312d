package it.registro.domain.body.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record SeatLabelCorrected(String bodyId, String seatId, String previous, String labelAsRecorded, String reason) {
}
