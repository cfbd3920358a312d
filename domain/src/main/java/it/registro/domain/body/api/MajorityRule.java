package it.registro.domain.body.api;

/**
 * When a motion or candidate passes.
 *
 * @param numerator   only for the qualified kinds: the fraction's numerator (e.g. 2 of 2/3)
 * @param denominator only for the qualified kinds
 */
public record MajorityRule(Kind kind, Integer numerator, Integer denominator) {

    public enum Kind {
        /** More than half of the voters present; abstentions count as voters (seed 004 L118-128). */
        MAJORITY_OF_VOTERS_PRESENT,
        /** More votes in favour than against; abstentions do not count. */
        MAJORITY_OF_VOTES_CAST,
        /** More than half of all the members of the body. */
        ABSOLUTE_MAJORITY_OF_MEMBERS,
        /** At least the fraction of the voters present. */
        QUALIFIED_FRACTION_OF_VOTERS_PRESENT,
        /** At least the fraction of all the members. */
        QUALIFIED_FRACTION_OF_MEMBERS
    }
}
