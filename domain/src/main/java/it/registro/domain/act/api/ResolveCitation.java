package it.registro.domain.act.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person decides which act an ambiguous citation means. */
public record ResolveCitation(@TargetAggregateIdentifier String citationId, String actId, String reason) {
}
