package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A unit to activate under a POAS act, from a date or from the POAS approval; the row's raw text kept. */
/** {@code boxDateAsRecorded}, {@code boxSource}: the organigram box's own date text ("Attiva dal …", or null when the box has none) and its lines, when the box was read. */
public record ScheduleUnitActivation(
        @TargetAggregateIdentifier String unitId,
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
