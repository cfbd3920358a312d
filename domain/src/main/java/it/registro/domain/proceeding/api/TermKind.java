package it.registro.domain.proceeding.api;

/** How a proceeding's term is set (the kinds the seed 003 table uses). */
public enum TermKind {
    /** N calendar days from the start (0 = "immediato"); a last day on a Sunday or holiday moves to the next working day. */
    CALENDAR_DAYS,
    /** N working days (Monday to Friday, not a national holiday) from the start. */
    WORKING_DAYS,
    /** N hours from the start's date and time. */
    HOURS,
    /** A day of the year ("entro il 30/04 dell'anno successivo"). */
    CALENDAR_DATE,
    /** A recurring deadline: every N months, on a day of the month after the period or at the period's end. */
    PERIODIC,
    /** Relative to an event other than the opening ("entro la scadenza del contratto"): its date is given per instance. */
    EVENT_RELATIVE,
    /** Set by a law, a regulation or another body, case by case: the due date is given per instance. */
    EXTERNAL_LAW,
    /** No term ("non previsto, per variabilità", or a blank cell): never overdue. */
    NOT_SET
}
