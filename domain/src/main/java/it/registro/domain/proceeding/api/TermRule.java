package it.registro.domain.proceeding.api;

/**
 * A proceeding type's term as a rule. {@code amount} is days, working days or hours, or for PERIODIC
 * the period in months; {@code month}/{@code day} give a CALENDAR_DATE (with {@code yearOffset}: 1 =
 * the year after the start's) or the day of the month a PERIODIC deadline falls on; {@code trigger}
 * is what starts the term, as the table words it ("dalla richiesta").
 */
public record TermRule(TermKind kind, Integer amount, Integer month, Integer day, Integer yearOffset, String trigger) {

    public static TermRule calendarDays(int days, String trigger) {
        return new TermRule(TermKind.CALENDAR_DAYS, days, null, null, null, trigger);
    }

    public static TermRule workingDays(int days, String trigger) {
        return new TermRule(TermKind.WORKING_DAYS, days, null, null, null, trigger);
    }

    public static TermRule hours(int hours, String trigger) {
        return new TermRule(TermKind.HOURS, hours, null, null, null, trigger);
    }

    public static TermRule calendarDate(int month, int day, int yearOffset) {
        return new TermRule(TermKind.CALENDAR_DATE, null, month, day, yearOffset, null);
    }

    public static TermRule periodic(int months, Integer day) {
        return new TermRule(TermKind.PERIODIC, months, null, day, null, null);
    }

    public static TermRule eventRelative(int days, String event) {
        return new TermRule(TermKind.EVENT_RELATIVE, days, null, null, null, event);
    }

    public static TermRule externalLaw(String basis) {
        return new TermRule(TermKind.EXTERNAL_LAW, null, null, null, null, basis);
    }

    public static TermRule notSet() {
        return new TermRule(TermKind.NOT_SET, null, null, null, null, null);
    }

    public int amountOrZero() {
        return amount == null ? 0 : amount;
    }
}
