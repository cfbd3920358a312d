package it.registro.app.session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import it.registro.domain.body.BodyHistory;
import it.registro.domain.comune.api.PopulationRecorded;
import it.registro.domain.session.BodyFacts;

/**
 * A body on a date as a session judges it, made from the body's folded events and its members' comuni's
 * populations: the one translation, used by the commands (EventStoreBodyFacts) and by the auditor's
 * recomputation, so both judge on the same facts.
 */
public final class BodyOnDates {

    private BodyOnDates() {
    }

    public static BodyFacts.BodyOnDate of(String bodyId, BodyHistory.OnDay day, Function<String, Optional<Long>> populationOf) {
        List<BodyFacts.Member> members = day.held().stream().map(t -> new BodyFacts.Member(t.personId(), t.seatId(), t.comuneId(),
                t.comuneId() == null ? null : populationOf.apply(t.comuneId()).orElse(null))).toList();
        BodyFacts.CompositionActFact act = day.compositionAct() == null ? null
                : new BodyFacts.CompositionActFact(day.compositionAct().act(), day.compositionAct().effectiveFrom());
        BodyFacts.RuleSetFact rules = day.ruleSet() == null ? null : new BodyFacts.RuleSetFact(day.ruleSet().version(),
                day.ruleSet().name(), day.ruleSet().quorum(), day.ruleSet().majority(), day.ruleSet().weighting());
        List<BodyFacts.DelegationFact> delegations = day.delegations().stream().map(d -> new BodyFacts.DelegationFact(d.delegationId(),
                d.seatId(), d.delegatorPersonId(), d.delegatePersonId(), d.from(), d.to())).toList();
        return new BodyFacts.BodyOnDate(bodyId, members, act, rules, delegations);
    }

    /** A comune's recorded populations: the latest on or before a date answers. */
    public static final class Populations {
        private final List<PopulationRecorded> recorded = new ArrayList<>();

        public void apply(Object event) {
            if (event instanceof PopulationRecorded p) {
                recorded.add(p);
            }
        }

        public Optional<Long> on(LocalDate date) {
            return recorded.stream().filter(p -> !p.referenceDate().isAfter(date))
                    .max(Comparator.comparing(PopulationRecorded::referenceDate)).map(PopulationRecorded::population);
        }
    }
}
