package it.registro.domain.poas.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Where a unit sits in its agency's tree from its first day: under a direction, a department or a
 * structure, as an organigram or the POAS text shows it. {@code actId} is the act whose organigram
 * shows it, when known. A later change of parent is a {@link MoveUnit}, dated and decided by an act.
 */
public record PlaceUnit(
        @TargetAggregateIdentifier String unitId,
        String parentUnitId,
        String actId,
        String source) {
}
