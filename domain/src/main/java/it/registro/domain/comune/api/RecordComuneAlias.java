package it.registro.domain.comune.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Another way a document writes the comune's name (e.g. "S.Giacomo delle Segnate"). */
public record RecordComuneAlias(@TargetAggregateIdentifier String comuneId, String alias, String source) {
}
