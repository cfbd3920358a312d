package it.registro.domain.body.api;

import it.registro.domain.common.ActRef;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put a rule set in force from a date. An old session is judged by the rule set in force on its
 * date, so rule sets are only ever added, each from a later date than the last.
 */
public record AdoptRuleSet(
        @TargetAggregateIdentifier String bodyId,
        String name,
        LocalDate effectiveFrom,
        QuorumRule quorum,
        MajorityRule majority,
        Weighting weighting,
        boolean delegationAllowed,
        ActRef act) {
}
