package it.registro.domain.office.api;

import java.time.LocalDate;

/**
 * How long a mandate lasts, as the law or the agency's rules fix it: a fixed number of years ("Il Collegio Sindacale
 * dura in carica per tre anni", seed 000 L1012), a range ("non può essere inferiore a tre e superiore a cinque anni",
 * L1059-1060), or open (until revoked). {@code basisAsRecorded}: the words that fix it.
 */
public record TermRule(Kind kind, Integer years, Integer minYears, Integer maxYears, String basisAsRecorded) {

    public enum Kind { FIXED, RANGE, OPEN }

    /** The last day of a mandate of {@code years} begun on {@code from}. */
    public static LocalDate lastDay(LocalDate from, int years) {
        return from.plusYears(years).minusDays(1);
    }

    /** The last day the rule gives a mandate begun on {@code from} when none is stated: a fixed term's; none otherwise. */
    public LocalDate defaultLastDay(LocalDate from) {
        return kind == Kind.FIXED ? lastDay(from, years) : null;
    }

    /** Whether a mandate from {@code from} to {@code until} (its last day; null: open) keeps to the rule. */
    public boolean allows(LocalDate from, LocalDate until) {
        return switch (kind) {
            case FIXED -> until != null && until.equals(lastDay(from, years));
            case RANGE -> until != null && !until.isBefore(lastDay(from, minYears)) && !until.isAfter(lastDay(from, maxYears));
            case OPEN -> true;
        };
    }

    public String describe() {
        return switch (kind) {
            case FIXED -> years + " years";
            case RANGE -> "between " + minYears + " and " + maxYears + " years";
            case OPEN -> "no fixed term";
        };
    }
}
