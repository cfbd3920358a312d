package it.registro.domain.proceeding.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.axonframework.serialization.Revision;

import it.registro.domain.body.api.Agency;

/** The opening, with the type version in force on its date and the due date computed from its term. */
@Revision("1")
public record ProceedingOpened(
        String proceedingId,
        String proceedingTypeId,
        Agency agency,
        String typeName,
        LocalDate typeVersionFrom,
        OpeningBasis basis,
        LocalDate on,
        LocalTime at,
        String protocolNumber,
        String requester,
        Subject subject,
        TermRule term,
        String termText,
        LocalDate startOn,
        LocalDate dueOn,
        LocalDateTime dueAt,
        UnitRef inquiryUnit,
        UnitRef finalActUnit,
        String substitutePowerHolder,
        String note) {
}
