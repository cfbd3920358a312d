package it.registro.domain.proceeding.api;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.axonframework.serialization.Revision;

/** The holder must conclude within {@code halfTerm}, half the original term, counted from {@code on}. */
@Revision("1")
public record SubstitutePowerInvoked(
        String proceedingId,
        String holder,
        LocalDate on,
        TermRule halfTerm,
        LocalDate substituteDueOn,
        LocalDateTime substituteDueAt) {
}
