package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record PoasStepRecorded(
        String poasId,
        LocalDate on,
        String step,
        String actor,
        String actId,
        String textAsRecorded,
        String source) {
}
