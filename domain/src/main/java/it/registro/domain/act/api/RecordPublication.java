package it.registro.domain.act.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The act was published (e.g. on the albo pretorio online) from a date, optionally until a date, under a register number. */
public record RecordPublication(@TargetAggregateIdentifier String actId, String where, LocalDate from, LocalDate until,
                                String registerNumber, String source) {
}
