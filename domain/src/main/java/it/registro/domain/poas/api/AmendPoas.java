package it.registro.domain.poas.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An approved POAS is modified by an act (e.g. DGR XI/5164 of 2021); the result is a new version.
 * {@code proposingActId} is null when the agency act that proposed it is not known.
 */
public record AmendPoas(@TargetAggregateIdentifier String poasId, String actId, LocalDate on, String label,
                        String proposingActId, String source) {
}
