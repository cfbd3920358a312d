package it.registro.domain.comune.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The comune's ISTAT code (six digits, e.g. "019036" for Cremona), with its source. */
public record RecordIstatCode(@TargetAggregateIdentifier String comuneId, String istatCode, String source) {
}
