package it.registro.domain.body.api;

import it.registro.domain.common.ActRef;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RuleSetAdopted(String bodyId, int version, String name, LocalDate effectiveFrom,
                             QuorumRule quorum, MajorityRule majority, Weighting weighting,
                             boolean delegationAllowed, ActRef act) {
}
