package it.registro.domain.poas.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A unit to close under a POAS act; {@code lastDay} is its last active day. */
public record ScheduleUnitClosure(
        @TargetAggregateIdentifier String unitId,
        LocalDate lastDay,
        String presidioAsRecorded,
        String groupAsRecorded,
        String rawText,
        String actId,
        String poasId,
        String source) {
}
