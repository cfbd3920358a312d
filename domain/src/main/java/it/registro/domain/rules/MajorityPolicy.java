package it.registro.domain.rules;

import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.Tally;

/**
 * Whether a vote passes under a majority rule. Abstentions count as voters under
 * MAJORITY_OF_VOTERS_PRESENT: seed 004 records 3 for, 0 against, 1 abstained as "ELETTO" with
 * "votanti … quattro" (L118-128), and 3 of 6 members would not be a majority of the members.
 */
public final class MajorityPolicy {

    private MajorityPolicy() {
    }

    public enum Outcome { PASSED, NOT_PASSED }

    /** @param threshold the votes in favour needed; {@code base} what it was computed from */
    public record Result(Outcome outcome, String rule, long threshold, long base, long inFavour) {
    }

    /**
     * @param members all members of the body on the day (or their total weight)
     */
    public static Result evaluate(MajorityRule rule, Tally tally, long members) {
        long inFavour = tally.inFavour() == null ? 0 : tally.inFavour();
        long against = tally.against() == null ? 0 : tally.against();
        long voters = tally.total();
        long base;
        long threshold;
        switch (rule.kind()) {
            case MAJORITY_OF_VOTERS_PRESENT -> {
                base = voters;
                threshold = voters / 2 + 1;
            }
            case MAJORITY_OF_VOTES_CAST -> {
                base = inFavour + against;
                threshold = against + 1;
            }
            case ABSOLUTE_MAJORITY_OF_MEMBERS -> {
                base = members;
                threshold = members / 2 + 1;
            }
            case QUALIFIED_FRACTION_OF_VOTERS_PRESENT -> {
                base = voters;
                threshold = ceilFraction(voters, rule.numerator(), rule.denominator());
            }
            case QUALIFIED_FRACTION_OF_MEMBERS -> {
                base = members;
                threshold = ceilFraction(members, rule.numerator(), rule.denominator());
            }
            default -> throw new IllegalArgumentException("Unknown majority rule " + rule.kind());
        }
        Outcome outcome = inFavour >= threshold && threshold > 0 ? Outcome.PASSED : Outcome.NOT_PASSED;
        return new Result(outcome, rule.kind().name(), threshold, base, inFavour);
    }

    private static long ceilFraction(long n, int numerator, int denominator) {
        return (n * numerator + denominator - 1) / denominator;
    }
}
