package it.registro.domain.session.api;

/**
 * A quorum computed under the rule set in force: {@code rule} null when the body has no rule set
 * on the date (the minutes' declaration is then all there is).
 */
public record QuorumFigures(Integer ruleSetVersion, String rule, boolean met, int present, int members, int required,
                            long presentPopulation, long requiredPopulation) {
}
