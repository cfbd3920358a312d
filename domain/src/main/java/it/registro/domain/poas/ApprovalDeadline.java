package it.registro.domain.poas;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * POAS are approved "di norma … entro i sessanta giorni successivi alla presentazione" (seed 000
 * L29-31): a soft deadline. Day 60 after the submission is still in time; day 61 is late by one.
 */
public final class ApprovalDeadline {

    public static final int DAYS = 60;

    private ApprovalDeadline() {
    }

    public static LocalDate dueOn(LocalDate submittedOn) {
        return submittedOn.plusDays(DAYS);
    }

    /** Days past the due date on a given day (0 when in time). */
    public static long daysOver(LocalDate submittedOn, LocalDate day) {
        return Math.max(0, ChronoUnit.DAYS.between(dueOn(submittedOn), day));
    }
}
