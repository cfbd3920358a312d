package it.registro.domain.proceeding.policy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import it.registro.domain.common.CommandRejectedException;
import it.registro.domain.common.Rejection;
import it.registro.domain.proceeding.api.TermKind;
import it.registro.domain.proceeding.api.TermRule;

/**
 * Due dates from a term rule and its start. Every day-based term that ends on a non-working day moves
 * to the next working day (see {@link WorkingCalendar#rollForward}); a term in hours ends at its hour.
 * A term set case by case (EXTERNAL_LAW) takes the date given; NOT_SET has none.
 */
public final class DueDates {

    /** {@code on} the date, and for terms in hours also {@code at} the local time. */
    public record Due(LocalDate on, LocalDateTime at) {
        static Due day(LocalDate d) {
            return new Due(d, null);
        }
    }

    private DueDates() {
    }

    /**
     * @param start    the day the term runs from (the protocol date of a request, or the trigger)
     * @param startAt  the time on that day, for terms in hours
     * @param event    the event's date, for EVENT_RELATIVE
     * @param given    the date set externally, for EXTERNAL_LAW
     * @return the due date, or null when the term is NOT_SET
     */
    public static Due due(TermRule rule, LocalDate start, LocalTime startAt, LocalDate event, LocalDate given) {
        return switch (rule.kind()) {
            case CALENDAR_DAYS -> Due.day(WorkingCalendar.rollForward(start.plusDays(rule.amountOrZero())));
            case WORKING_DAYS -> Due.day(WorkingCalendar.plusWorkingDays(start, rule.amountOrZero()));
            case HOURS -> {
                if (startAt == null) {
                    throw new CommandRejectedException(Rejection.invalid("FIELD_REQUIRED", "at",
                            "A term in hours runs from the request's time: 'at' is required"));
                }
                LocalDateTime at = start.atTime(startAt).plusHours(rule.amountOrZero());
                yield new Due(at.toLocalDate(), at);
            }
            case CALENDAR_DATE -> Due.day(WorkingCalendar.rollForward(calendarDate(rule, start)));
            case PERIODIC -> Due.day(WorkingCalendar.rollForward(periodic(rule, start)));
            case EVENT_RELATIVE -> {
                if (event == null) {
                    throw new CommandRejectedException(Rejection.invalid("FIELD_REQUIRED", "triggerDate",
                            "The term runs from an event (" + rule.trigger() + "): its date 'triggerDate' is required"));
                }
                yield Due.day(WorkingCalendar.rollForward(event.plusDays(rule.amountOrZero())));
            }
            case EXTERNAL_LAW -> {
                if (given == null) {
                    throw new CommandRejectedException(Rejection.invalid("FIELD_REQUIRED", "dueOn",
                            "The term is set outside the catalogue (" + rule.trigger() + "): the due date 'dueOn' is required"));
                }
                yield Due.day(given);
            }
            case NOT_SET -> null;
        };
    }

    /** The date in the start's year (plus the offset); with no offset, the next such date on or after the start. */
    static LocalDate calendarDate(TermRule rule, LocalDate start) {
        int offset = rule.yearOffset() == null ? 0 : rule.yearOffset();
        LocalDate d = LocalDate.of(start.getYear() + offset, rule.month(), rule.day());
        if (offset == 0 && d.isBefore(start)) {
            d = d.plusYears(1);
        }
        return d;
    }

    /**
     * Periods are counted from January (a quarter is Jan-Mar, ...). With a day, the deadline is that day
     * of the month after the period containing the start ("15/4-15/7-15/10-15/01"); without one, the
     * period's last day. "Every month on the 20th" is a one-month period with day 20.
     */
    static LocalDate periodic(TermRule rule, LocalDate start) {
        int months = rule.amount();
        int periodIndex = (start.getMonthValue() - 1) / months;
        LocalDate periodStart = LocalDate.of(start.getYear(), periodIndex * months + 1, 1);
        LocalDate next = periodStart.plusMonths(months);
        if (rule.day() == null) {
            return next.minusDays(1);
        }
        if (months == 1) {
            // monthly: the next such day on or after the start
            LocalDate thisMonth = dayOfMonth(start.withDayOfMonth(1), rule.day());
            return thisMonth.isBefore(start) ? dayOfMonth(next, rule.day()) : thisMonth;
        }
        return dayOfMonth(next, rule.day());
    }

    private static LocalDate dayOfMonth(LocalDate firstOfMonth, int day) {
        return day == 31 ? firstOfMonth.with(TemporalAdjusters.lastDayOfMonth()) : firstOfMonth.withDayOfMonth(day);
    }

    /**
     * Half the original term (art. 2 c. 9-ter L. 241/1990), rounded up, in the term's own unit: days,
     * working days or hours; for terms not counted in a unit, half the calendar days from start to due.
     */
    public static TermRule halfTerm(TermRule rule, LocalDate start, LocalDate originalDue) {
        return switch (rule.kind()) {
            case CALENDAR_DAYS -> TermRule.calendarDays(half(rule.amountOrZero()), "substitute power");
            case WORKING_DAYS -> TermRule.workingDays(half(rule.amountOrZero()), "substitute power");
            case HOURS -> TermRule.hours(half(rule.amountOrZero()), "substitute power");
            default -> TermRule.calendarDays(half((int) Math.max(0, ChronoUnit.DAYS.between(start, originalDue))), "substitute power");
        };
    }

    private static int half(int n) {
        return (n + 1) / 2;
    }

    /**
     * The due date after a suspension of {@code days} calendar days, [from, to]: the term stops, so a
     * term in working days gains the working days in the interval and any other gains its calendar days.
     */
    public static Due shift(TermRule rule, Due due, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (rule.kind() == TermKind.HOURS) {
            LocalDateTime at = due.at().plusDays(days);
            return new Due(at.toLocalDate(), at);
        }
        if (rule.kind() == TermKind.WORKING_DAYS) {
            return Due.day(WorkingCalendar.plusWorkingDays(due.on(), WorkingCalendar.workingDaysBetween(from, to)));
        }
        return Due.day(WorkingCalendar.rollForward(due.on().plusDays(days)));
    }
}
