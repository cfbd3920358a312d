package it.registro.domain.proceeding.api;

import java.time.LocalDate;
import java.time.LocalTime;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The term has passed unanswered as of {@code on} (a business date, never the clock): the inertia is
 * recorded and the substitute power invoked. {@code at} (local time) is needed for a term in hours.
 */
public record EscalateInertia(@TargetAggregateIdentifier String proceedingId, LocalDate on, LocalTime at) {
}
