package it.registro.domain.office.api;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MandateStarted(String mandateId, String agency, String organKindId, String bodyId, String personId, String nameAsRecorded, String designatedBy, java.time.LocalDate from, java.time.LocalDate until, TermRule rule, String byActRef, String source) {
}
