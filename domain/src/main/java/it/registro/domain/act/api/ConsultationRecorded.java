package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("2")
public record ConsultationRecorded(
        String actId,
        String consulted,
        String kind,
        LocalDate on,
        String outcomeAsRecorded,
        String minutesRef,
        String source,
        /** Since revision 2: the sitting and its agenda item (null when not named, and in revision 1). */
        String sessionId,
        Integer itemNo) {
}
