package it.registro.domain.body.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import it.registro.domain.common.ActRef;

/** A correction of the act cited for the composition taking effect on {@code effectiveFrom}, with its reason. */
public record CorrectCompositionAct(
        @TargetAggregateIdentifier String bodyId,
        LocalDate effectiveFrom,
        ActRef act,
        String reason) {
}
