package it.registro.domain.act.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ConsultationRecorded(
        String actId,
        String consulted,
        String kind,
        LocalDate on,
        String outcomeAsRecorded,
        String minutesRef,
        String source) {
}
