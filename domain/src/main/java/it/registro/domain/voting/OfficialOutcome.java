package it.registro.domain.voting;

import it.registro.domain.session.api.Outcome;

/**
 * The outcome of a vote as every view gives it: the one the minutes record is the official one (they
 * are the legal record of the sitting); where they record none, the one the rules give. Where the two
 * differ, both are shown, with {@code disagree} set (the session flags it as OUTCOME_RULE_MISMATCH).
 */
public record OfficialOutcome(Outcome official, Outcome recorded, Outcome computed, boolean disagree) {

    public static OfficialOutcome of(Outcome recorded, Outcome computed) {
        Outcome official = recorded != null ? recorded : computed;
        return new OfficialOutcome(official, recorded, computed, recorded != null && computed != null && recorded != computed);
    }
}
