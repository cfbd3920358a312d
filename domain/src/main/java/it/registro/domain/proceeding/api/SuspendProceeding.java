package it.registro.domain.proceeding.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The term stops from {@code from} to {@code to}, both included. */
public record SuspendProceeding(@TargetAggregateIdentifier String proceedingId, String reason, LocalDate from, LocalDate to) {
}
