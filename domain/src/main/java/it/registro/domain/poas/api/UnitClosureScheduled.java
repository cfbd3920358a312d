package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UnitClosureScheduled(
        String unitId,
        LocalDate lastDay,
        String presidioAsRecorded,
        String groupAsRecorded,
        String rawText,
        String actId,
        String poasId,
        String source) {
}
