package it.registro.domain.person.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a person under the name a document gives; the id is stable whatever the spelling. */
public record RegisterPerson(@TargetAggregateIdentifier String personId, String name, String source) {
}
