package it.registro.domain.office.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The holder delegates powers ("con proprio decreto a valere non oltre la durata del suo proprio incarico", seed 000 L1342-1344): never beyond the mandate's last day; with no until, for the whole mandate. */
public record DelegatePowers(@TargetAggregateIdentifier String mandateId, String delegationId, String delegateOrganKindId, String delegatePersonId, String scopeAsRecorded, java.time.LocalDate from, java.time.LocalDate until, String byActRef, String source) {
}
