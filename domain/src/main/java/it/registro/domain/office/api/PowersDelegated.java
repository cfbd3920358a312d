package it.registro.domain.office.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PowersDelegated(String mandateId, String delegationId, String delegateOrganKindId, String delegatePersonId, String scopeAsRecorded, java.time.LocalDate from, java.time.LocalDate until, String byActRef, String source) {
}
