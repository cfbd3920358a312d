package it.registro.domain.body.api;

import it.registro.domain.common.ActRef;
import org.axonframework.serialization.Revision;

/** {@code byOffice} since revision 2: the seat is held by virtue of an office in another body (null in revision 1). */
@Revision("2")
public record SeatDefined(String bodyId, String seatId, SeatRole role, String constituency,
                          String labelAsRecorded, ActRef act, ByOffice byOffice) {

    public SeatDefined(String bodyId, String seatId, SeatRole role, String constituency, String labelAsRecorded, ActRef act) {
        this(bodyId, seatId, role, constituency, labelAsRecorded, act, null);
    }
}
