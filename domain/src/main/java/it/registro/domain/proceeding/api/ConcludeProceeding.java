package it.registro.domain.proceeding.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Concluded on {@code on} by a registered act ({@code actId}) or, where no act is due, by a {@code note}. */
public record ConcludeProceeding(@TargetAggregateIdentifier String proceedingId, LocalDate on, String actId, String note) {
}
