package it.registro.domain.body.api;

/**
 * When a sitting is validly constituted.
 *
 * @param fixedNumber only for FIXED_NUMBER: the number of members who must be present
 */
public record QuorumRule(Kind kind, Integer fixedNumber) {

    public enum Kind {
        /** More than half of the members by headcount. */
        MAJORITY_OF_MEMBERS,
        /** Members present representing more than half of the population. */
        MAJORITY_OF_POPULATION,
        /** Both of the above. */
        MAJORITY_OF_MEMBERS_AND_POPULATION,
        /** A fixed number of members. */
        FIXED_NUMBER
    }
}
