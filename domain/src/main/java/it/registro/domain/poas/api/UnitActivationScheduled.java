package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UnitActivationScheduled(
        String unitId,
        String agency,
        UnitType type,
        String code,
        String name,
        String presidio,
        String presidioAsRecorded,
        String groupAsRecorded,
        EffectiveRule effectiveRule,
        LocalDate effectiveFrom,
        String rawText,
        String actId,
        String poasId,
        String source,
        String boxDateAsRecorded,
        String boxSource) {
}
