package it.registro.domain.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.common.ActRef;

/** The body as a test says it is: members, composition act, rule set, delegations, officers. */
final class FakeBodyFacts implements BodyFacts {

    static final String BODY = "collegio";
    final List<Member> members = new ArrayList<>();
    final List<DelegationFact> delegations = new ArrayList<>();
    CompositionActFact compositionAct;
    RuleSetFact ruleSet;
    final Map<Office, String> officers = new EnumMap<>(Office.class);

    FakeBodyFacts member(String personId, String seatId, Long population) {
        members.add(new Member(personId, seatId, "comune-" + personId, population));
        return this;
    }

    FakeBodyFacts act(LocalDate date) {
        compositionAct = new CompositionActFact(new ActRef("ATS Val Padana", "Deliberazione", "436", date,
                "Deliberazione ATS n. 436 del " + date), date);
        return this;
    }

    FakeBodyFacts rules(MajorityRule.Kind majority, Weighting weighting) {
        ruleSet = new RuleSetFact(1, "R", new QuorumRule(QuorumRule.Kind.MAJORITY_OF_MEMBERS, null),
                new MajorityRule(majority, null, null), weighting);
        return this;
    }

    FakeBodyFacts rules(QuorumRule quorum) {
        ruleSet = new RuleSetFact(1, "R", quorum, new MajorityRule(MajorityRule.Kind.MAJORITY_OF_VOTERS_PRESENT, null, null),
                Weighting.HEADCOUNT);
        return this;
    }

    @Override
    public Optional<BodyOnDate> bodyOn(String bodyId, LocalDate date) {
        if (!BODY.equals(bodyId)) {
            return Optional.empty();
        }
        return Optional.of(new BodyOnDate(bodyId, List.copyOf(members), compositionAct, ruleSet, List.copyOf(delegations)));
    }

    @Override
    public Optional<String> officeHolderAt(String bodyId, Office office, Instant at) {
        return Optional.ofNullable(officers.get(office));
    }
}
