package it.registro.domain.body.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Another name a document gives the body (e.g. "Conferenza dei Sindaci del Distretto Cremasco", seed 002 L4). */
public record RecordBodyAlias(@TargetAggregateIdentifier String bodyId, String alias, String source) {
}
