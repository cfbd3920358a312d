package it.registro.domain.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.common.ActRef;

/**
 * What a session needs to know about its body, asked at the moment of deciding: who were the
 * members on the session's date, under which composition act and rule set, with which delegations,
 * and who held an office at an instant. The session records in its events what it was told (e.g.
 * the rule set version that judged a vote), so an old session stays judged by the rules of its day.
 */
public interface BodyFacts {

    Optional<BodyOnDate> bodyOn(String bodyId, LocalDate date);

    /** The person holding an office of the body at an instant, as the body records it. */
    Optional<String> officeHolderAt(String bodyId, Office office, Instant at);

    record BodyOnDate(String bodyId, List<Member> members, CompositionActFact compositionAct, RuleSetFact ruleSet,
                      List<DelegationFact> delegations) {

        public Optional<Member> member(String personId) {
            return members.stream().filter(m -> m.personId().equals(personId)).findFirst();
        }

        public Optional<DelegationFact> delegationOf(String delegatePersonId, Instant at) {
            return delegations.stream().filter(d -> d.delegatePersonId().equals(delegatePersonId) && d.activeAt(at))
                    .findFirst();
        }

        public boolean delegatesOn(String personId) {
            return delegations.stream().anyMatch(d -> d.delegatePersonId().equals(personId));
        }

        public Optional<DelegationFact> seatDelegatedAt(String seatId, Instant at) {
            return delegations.stream().filter(d -> d.seatId().equals(seatId) && d.activeAt(at)).findFirst();
        }

        public long totalPopulation() {
            return members.stream().mapToLong(m -> m.population() == null ? 0 : m.population()).sum();
        }

        /** The seats, delegations and rules as the voting floor takes them. */
        public it.registro.domain.voting.VotingFloor.Seating seating() {
            return new it.registro.domain.voting.VotingFloor.Seating(
                    members.stream().map(m -> new it.registro.domain.voting.VotingFloor.Seat(m.seatId(), m.personId(), m.comuneId(),
                            m.population())).toList(),
                    delegations.stream().map(d -> new it.registro.domain.voting.VotingFloor.Delegation(d.seatId(), d.delegatePersonId(),
                            d.from(), d.to())).toList(),
                    ruleSet == null ? null : new it.registro.domain.voting.VotingFloor.Rules(ruleSet.version(), ruleSet.name(),
                            ruleSet.quorum(), ruleSet.majority(), ruleSet.weighting()));
        }
    }

    /** A seat's holder on the date; {@code population} of the comune they represent, if known. */
    record Member(String personId, String seatId, String comuneId, Long population) {
    }

    record CompositionActFact(ActRef act, LocalDate effectiveFrom) {
    }

    record RuleSetFact(int version, String name, QuorumRule quorum, MajorityRule majority, Weighting weighting) {
    }

    /** A delegation running on the date: {@code from} inclusive, {@code to} exclusive (revocation applied). */
    record DelegationFact(String delegationId, String seatId, String holderPersonId, String delegatePersonId,
                          Instant from, Instant to) {

        public boolean activeAt(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }
}
