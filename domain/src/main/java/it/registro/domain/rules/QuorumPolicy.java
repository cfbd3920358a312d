package it.registro.domain.rules;

import it.registro.domain.body.api.QuorumRule;

/**
 * Whether a sitting is validly constituted under a quorum rule. The result carries the figures, so
 * a refusal can say exactly why (present, required, weights).
 */
public final class QuorumPolicy {

    private QuorumPolicy() {
    }

    /**
     * @param members           seats held on the day (headcount of the body)
     * @param present           members (or their delegates) present
     * @param totalPopulation   population represented by all members (0 when not weighed)
     * @param presentPopulation population represented by those present
     */
    public record Result(boolean met, String rule, int present, int required,
                         long presentPopulation, long requiredPopulation) {
    }

    public static Result evaluate(QuorumRule rule, int members, int present, long totalPopulation, long presentPopulation) {
        int requiredHeads = switch (rule.kind()) {
            case FIXED_NUMBER -> rule.fixedNumber();
            case MAJORITY_OF_POPULATION -> 0;
            default -> members / 2 + 1;
        };
        long requiredPopulation = switch (rule.kind()) {
            case MAJORITY_OF_POPULATION, MAJORITY_OF_MEMBERS_AND_POPULATION -> totalPopulation / 2 + 1;
            default -> 0;
        };
        boolean met = present >= requiredHeads && presentPopulation >= requiredPopulation;
        return new Result(met, rule.kind().name(), present, requiredHeads, presentPopulation, requiredPopulation);
    }
}
