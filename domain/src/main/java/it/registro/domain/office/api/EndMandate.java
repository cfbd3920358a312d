package it.registro.domain.office.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A mandate ends before (or on) its planned last day: resignation, revocation, decadence. */
public record EndMandate(@TargetAggregateIdentifier String mandateId, java.time.LocalDate lastDay, String reason, String byActRef) {
}
