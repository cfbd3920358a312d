package it.registro.domain.poas.api;

import java.util.Map;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A correction of a unit's scheduled change as recorded, with its reason: {@code change} ACTIVATION
 * (effectiveFrom, rawText, presidioAsRecorded, groupAsRecorded) or CLOSURE (lastDay, rawText,
 * presidioAsRecorded, groupAsRecorded); {@code changes} field → right value, judged together.
 */
public record CorrectUnitChange(
        @TargetAggregateIdentifier String unitId,
        String change,
        Map<String, String> changes,
        String reason) {
}
