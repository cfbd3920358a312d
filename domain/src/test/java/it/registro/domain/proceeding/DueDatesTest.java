package it.registro.domain.proceeding;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.proceeding.api.TermRule;
import it.registro.domain.proceeding.policy.DueDates;
import it.registro.domain.proceeding.policy.WorkingCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One due date per kind of term, on dates chosen so the holiday calendar matters. */
class DueDatesTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static LocalDate due(TermRule rule, String start) {
        return DueDates.due(rule, d(start), null, null, null).on();
    }

    @Test
    @DisplayName("Easter Sunday and Monday move every year; the fixed holidays do not")
    void calendar() {
        assertThat(WorkingCalendar.easter(2024)).isEqualTo(d("2024-03-31"));
        assertThat(WorkingCalendar.easter(2025)).isEqualTo(d("2025-04-20"));
        assertThat(WorkingCalendar.easter(2026)).isEqualTo(d("2026-04-05"));
        assertThat(WorkingCalendar.isWorkingDay(d("2025-04-21"))).as("Pasquetta 2025").isFalse();
        assertThat(WorkingCalendar.isWorkingDay(d("2026-04-06"))).as("Pasquetta 2026").isFalse();
        assertThat(WorkingCalendar.isWorkingDay(d("2025-04-22"))).isTrue();
        assertThat(WorkingCalendar.isWorkingDay(d("2025-06-02"))).as("Festa della Repubblica").isFalse();
        assertThat(WorkingCalendar.isWorkingDay(d("2025-10-04"))).as("a Saturday anyway").isFalse();
        assertThat(WorkingCalendar.isWorkingDay(d("2027-10-04"))).as("San Francesco, national again from 2026").isFalse();
        assertThat(WorkingCalendar.isWorkingDay(d("2025-10-06"))).isTrue();
    }

    @Test
    @DisplayName("calendar days: 30 days end on the 30th day; on a holiday they end on the next working day")
    void calendarDays() {
        assertThat(due(TermRule.calendarDays(30, null), "2025-03-03")).isEqualTo(d("2025-04-02"));
        // 2025-04-25 is Liberazione (a Friday): the term ends on Monday 28
        assertThat(due(TermRule.calendarDays(30, null), "2025-03-26")).isEqualTo(d("2025-04-28"));
        // "immediato" (seed 003 row 96, L10770-10833): the same day
        assertThat(due(TermRule.calendarDays(0, "immediato"), "2025-03-04")).isEqualTo(d("2025-03-04"));
    }

    @Test
    @DisplayName("working days skip weekends, Easter Monday, Christmas, Santo Stefano, New Year and Epiphany")
    void workingDays() {
        // Thu 17 Apr 2025 + 3: Fri 18, (Sat, Sun, Easter Monday 21), Tue 22, Wed 23
        assertThat(due(TermRule.workingDays(3, null), "2025-04-17")).isEqualTo(d("2025-04-23"));
        // Fri 19 Dec 2025 + 10: 22, 23, 24, 29, 30, 31, 2 Jan, 5 Jan, 7 Jan, 8 Jan
        assertThat(due(TermRule.workingDays(10, null), "2025-12-19")).isEqualTo(d("2026-01-08"));
    }

    @Test
    @DisplayName("hours run from the request's time, and need it")
    void hours() {
        DueDates.Due due = DueDates.due(TermRule.hours(24, "dall'istanza"), d("2025-03-03"), LocalTime.of(10, 15), null, null);
        assertThat(due.at()).isEqualTo(LocalDateTime.of(2025, 3, 4, 10, 15));
        assertThat(due.on()).isEqualTo(d("2025-03-04"));
        assertThatThrownBy(() -> DueDates.due(TermRule.hours(24, null), d("2025-03-03"), null, null, null))
                .isInstanceOf(CommandRejectedException.class);
    }

    @Test
    @DisplayName("calendar date: 30/04 of the next year; 31 January of each year, moved off a Saturday")
    void calendarDate() {
        assertThat(due(TermRule.calendarDate(4, 30, 1), "2025-06-10")).isEqualTo(d("2026-04-30"));
        // 2026-01-31 is a Saturday
        assertThat(due(TermRule.calendarDate(1, 31, 0), "2025-03-01")).isEqualTo(d("2026-02-02"));
        assertThat(due(TermRule.calendarDate(1, 31, 0), "2025-01-10")).isEqualTo(d("2025-01-31"));
    }

    @Test
    @DisplayName("periodic: quarterly on the 15th after the quarter; monthly on the 20th; half-yearly at the half's end")
    void periodic() {
        assertThat(due(TermRule.periodic(3, 15), "2025-05-20")).isEqualTo(d("2025-07-15"));
        assertThat(due(TermRule.periodic(3, 15), "2025-11-02")).isEqualTo(d("2026-01-15"));
        // 20 April 2025 is Easter Sunday, 21 Easter Monday
        assertThat(due(TermRule.periodic(1, 20), "2025-03-21")).isEqualTo(d("2025-04-22"));
        assertThat(due(TermRule.periodic(1, 20), "2025-03-10")).isEqualTo(d("2025-03-20"));
        assertThat(due(TermRule.periodic(6, null), "2025-02-10")).isEqualTo(d("2025-06-30"));
    }

    @Test
    @DisplayName("event-relative: the event's date; external law: the date given; not set: none")
    void otherKinds() {
        assertThat(DueDates.due(TermRule.eventRelative(0, "scadenza del contratto"), d("2025-03-01"), null, d("2025-09-30"), null).on())
                .isEqualTo(d("2025-09-30"));
        assertThatThrownBy(() -> DueDates.due(TermRule.eventRelative(0, "x"), d("2025-03-01"), null, null, null))
                .isInstanceOf(CommandRejectedException.class);
        assertThat(DueDates.due(TermRule.externalLaw("legge"), d("2025-03-01"), null, null, d("2025-05-05")).on())
                .isEqualTo(d("2025-05-05"));
        assertThat(DueDates.due(TermRule.notSet(), d("2025-03-01"), null, null, null)).isNull();
    }

    @Test
    @DisplayName("half the original term, rounded up, in the term's own unit")
    void halfTerm() {
        assertThat(DueDates.halfTerm(TermRule.calendarDays(30, null), d("2025-03-03"), d("2025-04-02")))
                .isEqualTo(TermRule.calendarDays(15, "substitute power"));
        assertThat(DueDates.halfTerm(TermRule.workingDays(3, null), d("2025-03-03"), d("2025-03-06")))
                .isEqualTo(TermRule.workingDays(2, "substitute power"));
        assertThat(DueDates.halfTerm(TermRule.calendarDate(4, 30, 1), d("2025-04-30"), d("2026-04-30")).amount()).isEqualTo(183);
    }

    @Test
    @DisplayName("a suspension moves the due date by its days (working days for a working-day term)")
    void shift() {
        DueDates.Due due = DueDates.due(TermRule.calendarDays(30, null), d("2025-03-03"), null, null, null);
        assertThat(DueDates.shift(TermRule.calendarDays(30, null), due, d("2025-03-10"), d("2025-03-19")).on())
                .isEqualTo(d("2025-04-14")); // 2 April + 10 days = Saturday 12 April → Monday 14
        DueDates.Due wd = DueDates.due(TermRule.workingDays(10, null), d("2025-03-03"), null, null, null);
        assertThat(wd.on()).isEqualTo(d("2025-03-17"));
        // 5 to 11 March holds 5 working days
        assertThat(DueDates.shift(TermRule.workingDays(10, null), wd, d("2025-03-05"), d("2025-03-11")).on()).isEqualTo(d("2025-03-24"));
    }
}
