package it.registro.domain.body.api;

import it.registro.domain.common.ActRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define a seat of the body without yet naming a holder. */
public record DefineSeat(
        @TargetAggregateIdentifier String bodyId,
        SeatRole role,
        String constituency,
        String labelAsRecorded,
        ActRef act,
        /** Held by virtue of an office in another body, or null. */
        ByOffice byOffice) {

    public DefineSeat(String bodyId, SeatRole role, String constituency, String labelAsRecorded, ActRef act) {
        this(bodyId, role, constituency, labelAsRecorded, act, null);
    }
}
