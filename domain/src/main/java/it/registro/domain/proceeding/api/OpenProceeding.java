package it.registro.domain.proceeding.api;

import java.time.LocalDate;
import java.time.LocalTime;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A proceeding opened on {@code on}: for a REQUEST, the date of its protocol registration (the term
 * runs from receipt); ex officio, the day it starts. {@code at} is needed by terms in hours;
 * {@code triggerDate} by terms relative to an event (or counted from a later trigger);
 * {@code dueOn} by terms set externally. {@code subject}: the session or act an access request is for.
 */
public record OpenProceeding(
        @TargetAggregateIdentifier String proceedingId,
        String proceedingTypeId,
        OpeningBasis basis,
        LocalDate on,
        LocalTime at,
        String protocolNumber,
        String requester,
        LocalDate triggerDate,
        LocalDate dueOn,
        Subject subject,
        String note) {
}
