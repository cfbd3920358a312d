package it.registro.domain.body.policy;

import java.time.LocalDate;

import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Verdict;

/** A rule set must be one that a sitting could ever satisfy, and rule sets follow each other in time. */
public final class RuleSetPolicies {

    private RuleSetPolicies() {
    }

    public static Verdict possibleQuorum(QuorumRule quorum, int seats) {
        if (quorum == null || quorum.kind() == null) {
            return Verdict.rejected(Rejection.invalid("FIELD_REQUIRED", "quorum.kind", "quorum.kind is required"));
        }
        if (quorum.kind() == QuorumRule.Kind.FIXED_NUMBER) {
            Integer n = quorum.fixedNumber();
            if (n == null || n < 1 || (seats > 0 && n > seats)) {
                return Verdict.rejected(Rejection.invalid("IMPOSSIBLE_THRESHOLD", "quorum.fixedNumber",
                        "A fixed quorum must be between 1 and the number of seats (" + seats + "), not " + n));
            }
        } else if (quorum.fixedNumber() != null) {
            return Verdict.rejected(Rejection.invalid("IMPOSSIBLE_THRESHOLD", "quorum.fixedNumber",
                    "fixedNumber applies only to a FIXED_NUMBER quorum"));
        }
        return Verdict.allowed();
    }

    public static Verdict possibleMajority(MajorityRule majority) {
        if (majority == null || majority.kind() == null) {
            return Verdict.rejected(Rejection.invalid("FIELD_REQUIRED", "majority.kind", "majority.kind is required"));
        }
        boolean qualified = majority.kind() == MajorityRule.Kind.QUALIFIED_FRACTION_OF_MEMBERS
                || majority.kind() == MajorityRule.Kind.QUALIFIED_FRACTION_OF_VOTERS_PRESENT;
        if (qualified) {
            Integer num = majority.numerator();
            Integer den = majority.denominator();
            // A qualified majority is more than half and at most all: 1/2 < num/den <= 1.
            if (num == null || den == null || num < 1 || den < 1 || num > den || 2 * num <= den) {
                return Verdict.rejected(Rejection.invalid("IMPOSSIBLE_THRESHOLD", "majority.numerator",
                        "A qualified majority is a fraction above 1/2 and at most 1, not " + num + "/" + den));
            }
        } else if (majority.numerator() != null || majority.denominator() != null) {
            return Verdict.rejected(Rejection.invalid("IMPOSSIBLE_THRESHOLD", "majority.numerator",
                    "A fraction applies only to a qualified majority"));
        }
        return Verdict.allowed();
    }

    /** Rule sets are added in the order they take effect; none is slipped in before the last. */
    public static Verdict afterLatest(LocalDate effectiveFrom, LocalDate latest) {
        if (effectiveFrom == null) {
            return Verdict.rejected(Rejection.invalid("FIELD_REQUIRED", "effectiveFrom", "effectiveFrom is required"));
        }
        if (latest != null && !effectiveFrom.isAfter(latest)) {
            return Verdict.rejected(Rejection.invalid("DATES_OUT_OF_ORDER", "effectiveFrom",
                    "A rule set is already in force from " + latest + "; a new one must take effect after it"));
        }
        return Verdict.allowed();
    }
}
