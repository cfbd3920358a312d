package it.registro.domain.office.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A person holds an office of an agency (Direttore Generale, Direttore Amministrativo…) or a seat of an organ from a day, until the last day the term rule allows or states; until null takes a fixed term's last day. */
public record AppointToOffice(@TargetAggregateIdentifier String mandateId, String agency, String organKindId, String bodyId, String personId, String nameAsRecorded, String designatedBy, java.time.LocalDate from, java.time.LocalDate until, String byActRef, String source) {
}
