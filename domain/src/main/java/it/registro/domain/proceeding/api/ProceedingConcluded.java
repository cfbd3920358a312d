package it.registro.domain.proceeding.api;

import java.time.LocalDate;

import org.axonframework.serialization.Revision;

/** Late against the (suspension-adjusted) due date; when the substitute concluded, also against their own. */
@Revision("1")
public record ProceedingConcluded(
        String proceedingId,
        LocalDate on,
        String actId,
        String note,
        LocalDate dueOn,
        boolean late,
        long daysLate,
        boolean bySubstitute,
        LocalDate substituteDueOn,
        boolean substituteLate) {
}
