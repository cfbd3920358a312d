package it.registro.domain.proceeding.policy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import it.registro.domain.common.Rejection;
import it.registro.domain.common.Verdict;

/**
 * Art. 2 c. 7 L. 241/1990: the term may be suspended once, for at most 30 days, to acquire
 * information or certifications. Both limits are this policy's; a longer suspension is refused.
 */
public final class SuspensionPolicy {

    public static final int MAX_DAYS = 30;

    private SuspensionPolicy() {
    }

    public static Verdict check(LocalDate openedOn, LocalDate dueOn, boolean alreadySuspended, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Verdict.rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "to", "The suspension ends (" + to + ") before it starts (" + from + ")"));
        }
        if (from.isBefore(openedOn)) {
            return Verdict.rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "from",
                    "The suspension starts (" + from + ") before the proceeding was opened (" + openedOn + ")"));
        }
        if (dueOn == null) {
            return Verdict.rejected(Rejection.invalid("NO_TERM_TO_SUSPEND", "from", "The proceeding has no term to suspend"));
        }
        if (from.isAfter(dueOn)) {
            return Verdict.rejected(Rejection.invalid("SUSPENSION_AFTER_DUE", "from",
                    "The term expired on " + dueOn + "; an expired term cannot be suspended"));
        }
        if (alreadySuspended) {
            return Verdict.rejected(Rejection.conflict("SUSPENSION_ALREADY_USED", "from",
                    "The term may be suspended only once (art. 2 c. 7 L. 241/1990)"));
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            return Verdict.rejected(Rejection.invalid("SUSPENSION_TOO_LONG", "to",
                    "A suspension lasts at most " + MAX_DAYS + " days; this one lasts " + days)
                    .withDetails(Map.of("days", days, "maxDays", MAX_DAYS)));
        }
        return Verdict.allowed();
    }
}
