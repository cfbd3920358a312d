package it.registro.domain.voting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.body.api.Tally;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.common.Rejection;
import it.registro.domain.rules.MajorityPolicy;
import it.registro.domain.rules.QuorumPolicy;
import it.registro.domain.session.api.NamedVote;
import it.registro.domain.session.api.Outcome;
import it.registro.domain.session.api.QuorumFigures;

/**
 * The one place where the legal figures of a sitting are computed (ADR 0015): for an instant, who holds
 * each seat's vote (its holder, or the delegate the holder named), whether that voter is present, the
 * population each seat carries; from these the quorum under the rule set in force, and, for a vote, the
 * counts by head and by population, the majority's threshold and the outcome. The session aggregate
 * decides with it, the read models, the verbale, the exports, the pages and the auditor's recomputation
 * show what it gives; nothing else counts seats, voters or populations.
 * <p>
 * Pure: it is given the seats of the day ({@link Seating}) and who was in the room when ({@link Room}).
 */
public final class VotingFloor {

    /** The seats of a body on the sitting's date, the delegations running that day, and the rule set in force. */
    public record Seating(List<Seat> seats, List<Delegation> delegations, Rules rules) {

        public Seating {
            seats = List.copyOf(seats);
            delegations = List.copyOf(delegations);
        }

        public Optional<Seat> seatOf(String personId) {
            return seats.stream().filter(s -> s.holderPersonId().equals(personId)).findFirst();
        }

        public long totalPopulation() {
            return seats.stream().mapToLong(s -> s.population() == null ? 0 : s.population()).sum();
        }
    }

    /** A seat held on the date: its holder and the population of the comune the holder represents (null when not known). */
    public record Seat(String seatId, String holderPersonId, String comuneId, Long population) {
    }

    /** A delegation of a seat's vote: from {@code from} inclusive to {@code to} exclusive. */
    public record Delegation(String seatId, String delegatePersonId, Instant from, Instant to) {

        public boolean activeAt(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    /** The rule set in force on the date; null in {@link Seating} when the body has none. */
    public record Rules(Integer version, String name, QuorumRule quorum, MajorityRule majority, Weighting weighting) {

        public boolean weighted() {
            return weighting == Weighting.POPULATION;
        }
    }

    /** Who was in the room when. */
    @FunctionalInterface
    public interface Room {
        boolean presentAt(String personId, Instant at);
    }

    /** A seat at an instant: who casts its vote, whether by delegation, whether that voter is present. */
    public record SeatVote(String seatId, String holderPersonId, String voterPersonId, boolean delegated, boolean present,
                           Long population) {
    }

    /** The seats present at an instant: counted by seat, never by person, with who holds each vote. */
    public record Presence(Instant at, int seats, int present, long totalPopulation, long presentPopulation, List<SeatVote> votes) {
    }

    /** Population counts on each side of a weighted vote, and each side's share of the population of the voters. */
    public record Shares(long inFavour, long against, long abstained, double inFavourShare, double againstShare, double abstainedShare) {
    }

    /**
     * The figures that decide a vote, and the outcome the rules give. {@code weighted} null when the body
     * does not weigh votes; {@code threshold} and {@code base} in the vote's unit (heads, or inhabitants
     * when weighted); {@code rule} names the majority and says when it is weighted.
     */
    public record Decision(QuorumFigures quorum, int presentAtVote, Tally tally, Tally weighted, Shares shares, Integer ruleSetVersion,
                           String rule, boolean weightedRule, Long threshold, Long base, Outcome computedOutcome) {
    }

    private final Seating seating;
    private final Room room;

    public VotingFloor(Seating seating, Room room) {
        this.seating = seating;
        this.room = room;
    }

    public Seating seating() {
        return seating;
    }

    public Room room() {
        return room;
    }

    /** The delegation of a seat running at an instant. */
    public Optional<Delegation> delegationOf(String seatId, Instant at) {
        return seating.delegations().stream().filter(d -> d.seatId().equals(seatId) && d.activeAt(at)).findFirst();
    }

    /** The delegation a person exercises at an instant (they are its delegate). */
    public Optional<Delegation> delegationHeldBy(String personId, Instant at) {
        return seating.delegations().stream().filter(d -> d.delegatePersonId().equals(personId) && d.activeAt(at)).findFirst();
    }

    /** Every seat at an instant, with who holds its vote. */
    public List<SeatVote> seatsAt(Instant at) {
        List<SeatVote> out = new ArrayList<>();
        for (Seat seat : seating.seats()) {
            Optional<Delegation> delegation = delegationOf(seat.seatId(), at);
            String voter = delegation.map(Delegation::delegatePersonId).orElse(seat.holderPersonId());
            out.add(new SeatVote(seat.seatId(), seat.holderPersonId(), voter, delegation.isPresent(), room.presentAt(voter, at),
                    seat.population()));
        }
        return out;
    }

    /** The seats present at an instant: a mayor and the delegate casting their vote are one seat, present if the voter is. */
    public Presence presenceAt(Instant at) {
        List<SeatVote> votes = seatsAt(at);
        int present = 0;
        long population = 0;
        for (SeatVote v : votes) {
            if (v.present()) {
                present++;
                population += v.population() == null ? 0 : v.population();
            }
        }
        return new Presence(at, votes.size(), present, seating.totalPopulation(), population, votes);
    }

    /** The quorum at an instant under the rule set in force; {@code rule} null when there is none (the declaration is all there is). */
    public QuorumFigures quorumAt(Instant at) {
        Presence p = presenceAt(at);
        Rules rules = seating.rules();
        if (rules == null) {
            return new QuorumFigures(null, null, true, p.present(), p.seats(), 0, p.presentPopulation(), 0);
        }
        QuorumPolicy.Result r = QuorumPolicy.evaluate(rules.quorum(), p.seats(), p.present(), p.totalPopulation(), p.presentPopulation());
        return new QuorumFigures(rules.version(), r.rule(), r.met(), p.present(), p.seats(), r.required(), r.presentPopulation(),
                r.requiredPopulation());
    }

    /** The seat a person votes for at an instant, or the refusal that says why they may not vote. */
    public Result<Seat> seatVotedBy(String personId, Instant at, String field) {
        Optional<Seat> held = seating.seatOf(personId);
        Seat seat;
        if (held.isPresent()) {
            if (delegationOf(held.get().seatId(), at).isPresent()) {
                return Result.refused(Rejection.invalid("VOTE_DELEGATED", field, "Person " + personId + " has delegated the seat: the delegate votes"));
            }
            seat = held.get();
        } else {
            Optional<Delegation> delegation = delegationHeldBy(personId, at);
            if (delegation.isEmpty()) {
                return Result.refused(Rejection.invalid("VOTER_NOT_MEMBER", field,
                        "Person " + personId + " is not a member of the body (non-members never vote)"));
            }
            Optional<Seat> delegated = seating.seats().stream().filter(s -> s.seatId().equals(delegation.get().seatId())).findFirst();
            if (delegated.isEmpty()) {
                return Result.refused(Rejection.invalid("VOTER_NOT_MEMBER", field, "The delegated seat is vacant"));
            }
            seat = delegated.get();
        }
        if (!room.presentAt(personId, at)) {
            return Result.refused(Rejection.invalid("VOTER_NOT_PRESENT", field, "Person " + personId + " is not present at " + at));
        }
        return Result.of(seat);
    }

    /** Counts of named choices by head, each voter checked (a member or a delegate, present, voting once). */
    public Result<Tally> namedTally(List<NamedVote> votes, Instant at) {
        Set<String> seen = new HashSet<>();
        Set<String> seats = new HashSet<>();
        int inFavour = 0;
        int against = 0;
        int abstained = 0;
        for (int i = 0; i < votes.size(); i++) {
            NamedVote v = votes.get(i);
            String field = "votes[" + i + "].personId";
            if (v == null || v.personId() == null || v.choice() == null) {
                return Result.refused(Rejection.invalid("FIELD_REQUIRED", field, "Each named vote has a voter and a choice"));
            }
            if (!seen.add(v.personId())) {
                return Result.refused(Rejection.invalid("DUPLICATE_VOTER", field, "Person " + v.personId() + " votes twice"));
            }
            Result<Seat> seat = seatVotedBy(v.personId(), at, field);
            if (seat.refusal() != null) {
                return Result.refused(seat.refusal());
            }
            if (!seats.add(seat.value().seatId())) {
                return Result.refused(Rejection.invalid("DUPLICATE_VOTER", field, "Seat " + seat.value().seatId() + " votes twice"));
            }
            switch (v.choice()) {
                case FOR -> inFavour++;
                case AGAINST -> against++;
                case ABSTAIN -> abstained++;
            }
        }
        return Result.of(new Tally(inFavour, against, abstained));
    }

    /** Counts of named choices by the population of each voter's seat. */
    public Result<Tally> weightedTally(List<NamedVote> votes, Instant at) {
        long inFavour = 0;
        long against = 0;
        long abstained = 0;
        for (int i = 0; i < votes.size(); i++) {
            NamedVote v = votes.get(i);
            Result<Seat> seat = seatVotedBy(v.personId(), at, "votes[" + i + "].personId");
            if (seat.refusal() != null) {
                return Result.refused(seat.refusal());
            }
            Long population = seat.value().population();
            if (population == null) {
                return Result.refused(Rejection.invalid("POPULATION_UNKNOWN", "votes[" + i + "].personId",
                        "No population is recorded for the comune of seat " + seat.value().seatId()));
            }
            switch (v.choice()) {
                case FOR -> inFavour += population;
                case AGAINST -> against += population;
                case ABSTAIN -> abstained += population;
            }
        }
        return Result.of(new Tally(Math.toIntExact(inFavour), Math.toIntExact(against), Math.toIntExact(abstained)));
    }

    /**
     * Everything that decides a vote at an instant: the quorum, the voters present, the counts (by
     * population too where the body weighs votes), and the outcome under the majority rule in force.
     * {@code weighted} is the population tally of a named vote (null otherwise); a weighing body's vote
     * without it has no computed outcome.
     */
    public Decision decide(Instant at, Tally tally, Tally weighted) {
        QuorumFigures quorum = quorumAt(at);
        Rules rules = seating.rules();
        if (rules == null || tally == null || tally.inFavour() == null && tally.against() == null && tally.abstained() == null) {
            return new Decision(quorum, quorum.present(), tally, weighted, shares(weighted), rules == null ? null : rules.version(),
                    rules == null ? null : rules.majority().kind().name(), rules != null && rules.weighted(), null, null, null);
        }
        if (rules.weighted() && weighted == null) {
            return new Decision(quorum, quorum.present(), tally, null, null, rules.version(), rules.majority().kind().name(), true,
                    null, null, null);
        }
        long members = rules.weighted() ? seating.totalPopulation() : seating.seats().size();
        MajorityPolicy.Result r = MajorityPolicy.evaluate(rules.majority(), rules.weighted() ? weighted : tally, members);
        Outcome outcome = r.outcome() == MajorityPolicy.Outcome.PASSED ? Outcome.PASSED : Outcome.NOT_PASSED;
        return new Decision(quorum, quorum.present(), tally, weighted, shares(weighted), rules.version(), r.rule(), rules.weighted(),
                r.threshold(), r.base(), outcome);
    }

    /**
     * An election, decided by heads as seed 004 records it (a weighing body's elections list no
     * population): the majority of the rule set in force counted without weights, the quorum the body's own
     * (weighted where it weighs). {@code tally} null: an election recorded without counts.
     */
    public Decision decideElection(Instant at, Tally tally) {
        Rules r = seating.rules();
        VotingFloor byHead = new VotingFloor(new Seating(seating.seats(), seating.delegations(), r == null ? null
                : new Rules(r.version(), r.name(), r.quorum(), r.majority(), it.registro.domain.body.api.Weighting.HEADCOUNT)), room);
        Decision d = byHead.decide(at, tally, null);
        return new Decision(quorumAt(at), d.presentAtVote(), d.tally(), null, null, d.ruleSetVersion(), d.rule(), false,
                d.threshold(), d.base(), d.computedOutcome());
    }

    private static Shares shares(Tally weighted) {
        if (weighted == null) {
            return null;
        }
        long f = weighted.inFavour() == null ? 0 : weighted.inFavour();
        long a = weighted.against() == null ? 0 : weighted.against();
        long s = weighted.abstained() == null ? 0 : weighted.abstained();
        long total = f + a + s;
        return new Shares(f, a, s, share(f, total), share(a, total), share(s, total));
    }

    private static double share(long part, long total) {
        return total == 0 ? 0 : Math.round(part * 10000.0 / total) / 100.0;
    }

    /** A value, or the refusal that explains why there is none. */
    public record Result<T>(T value, Rejection refusal) {

        public static <T> Result<T> of(T value) {
            return new Result<>(value, null);
        }

        public static <T> Result<T> refused(Rejection refusal) {
            return new Result<>(null, refusal);
        }
    }
}
