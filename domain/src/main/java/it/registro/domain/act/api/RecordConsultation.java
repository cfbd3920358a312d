package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A body consulted on the act: HEARD ("sentita", no outcome recorded), OPINION, MEETING. */
public record RecordConsultation(
        @TargetAggregateIdentifier String actId,
        String consulted,
        String kind,
        LocalDate on,
        String outcomeAsRecorded,
        String minutesRef,
        String source,
        /** The sitting in which the body was consulted, and its agenda item, when known: linked, and checked on the act's links. */
        String sessionId,
        Integer itemNo) {

    public RecordConsultation(String actId, String consulted, String kind, java.time.LocalDate on, String outcomeAsRecorded,
                              String minutesRef, String source) {
        this(actId, consulted, kind, on, outcomeAsRecorded, minutesRef, source, null, null);
    }
}
