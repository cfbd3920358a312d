package it.registro.domain.body;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import it.registro.domain.body.api.RuleSetAdopted;

/** The rule sets a body adopted, in the order they take effect, and the one in force on a day. */
public final class RuleSets {

    private final List<RuleSetAdopted> adopted = new ArrayList<>();

    public Optional<RuleSetAdopted> inForceOn(LocalDate day) {
        RuleSetAdopted inForce = null;
        for (RuleSetAdopted r : adopted) {
            if (!r.effectiveFrom().isAfter(day)) {
                inForce = r;
            }
        }
        return Optional.ofNullable(inForce);
    }

    public LocalDate latestFrom() {
        return adopted.isEmpty() ? null : adopted.get(adopted.size() - 1).effectiveFrom();
    }

    public int count() {
        return adopted.size();
    }

    void adopted(RuleSetAdopted ruleSet) {
        adopted.add(ruleSet);
    }
}
