package it.registro.domain.proceeding.policy;

import java.time.DateTimeException;
import java.time.MonthDay;
import java.util.Set;

import it.registro.domain.common.Rejection;
import it.registro.domain.common.Verdict;
import it.registro.domain.proceeding.api.TermRule;

/** Whether a stated term rule is complete for its kind: a rule that cannot compute a date is TERM_UNPARSEABLE. */
public final class TermRules {

    /** Ten years: the longest term in the seed 003 table is the civil prescription it mentions. */
    public static final int MAX_AMOUNT = 3650;
    private static final Set<Integer> PERIODS = Set.of(1, 2, 3, 4, 6, 12);

    private TermRules() {
    }

    public static Verdict check(TermRule rule, String field) {
        if (rule.kind() == null) {
            return bad(field + ".kind", "A term rule needs its kind");
        }
        return switch (rule.kind()) {
            case CALENDAR_DAYS, WORKING_DAYS, HOURS -> rule.amount() == null || rule.amount() < 0 || rule.amount() > MAX_AMOUNT
                    ? bad(field + ".amount", "A term of kind " + rule.kind() + " needs an amount between 0 and " + MAX_AMOUNT)
                    : Verdict.allowed();
            case EVENT_RELATIVE -> (rule.amount() != null && (rule.amount() < 0 || rule.amount() > MAX_AMOUNT))
                    ? bad(field + ".amount", "An event-relative term's amount is between 0 and " + MAX_AMOUNT + " days")
                    : rule.trigger() == null || rule.trigger().isBlank()
                    ? bad(field + ".trigger", "An event-relative term names its event") : Verdict.allowed();
            case CALENDAR_DATE -> calendarDate(rule, field);
            case PERIODIC -> rule.amount() == null || !PERIODS.contains(rule.amount())
                    ? bad(field + ".amount", "A periodic term's period is 1, 2, 3, 4, 6 or 12 months")
                    : rule.day() != null && (rule.day() < 1 || rule.day() > 28 && rule.day() != 31)
                    ? bad(field + ".day", "A periodic term's day is 1 to 28, or 31 for the month's end") : Verdict.allowed();
            case EXTERNAL_LAW, NOT_SET -> Verdict.allowed();
        };
    }

    private static Verdict calendarDate(TermRule rule, String field) {
        if (rule.month() == null || rule.day() == null) {
            return bad(field + ".month", "A calendar-date term needs its month and day");
        }
        try {
            MonthDay.of(rule.month(), rule.day());
        } catch (DateTimeException e) {
            return bad(field + ".day", "No such day: " + rule.day() + "/" + rule.month());
        }
        if (rule.yearOffset() != null && Math.abs(rule.yearOffset()) > 1) {
            return bad(field + ".yearOffset", "A calendar-date term is in the year before, of or after the start (-1, 0, 1)");
        }
        return Verdict.allowed();
    }

    private static Verdict bad(String field, String message) {
        return Verdict.rejected(Rejection.invalid("TERM_UNPARSEABLE", field, message));
    }
}
