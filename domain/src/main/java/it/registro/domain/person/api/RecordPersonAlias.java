package it.registro.domain.person.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Another form of a person's name, as a document writes it (e.g. "ROBERTO OLIVA" for "Ennio Roberto Oliva"). */
public record RecordPersonAlias(@TargetAggregateIdentifier String personId, String alias, String source) {
}
