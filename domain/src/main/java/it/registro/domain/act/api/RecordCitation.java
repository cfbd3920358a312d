package it.registro.domain.act.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A citation found in a document (with its source line); it resolves to a registered act, never creates one. */
public record RecordCitation(@TargetAggregateIdentifier String citationId, String text, String source) {
}
