package it.registro.projections.body;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.QuorumRule;
import it.registro.domain.body.api.SeatRole;
import it.registro.domain.body.api.Tally;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.common.ActRef;
import it.registro.domain.common.BusinessTime;

/**
 * Answers "as of" questions from one body document: pure functions of the dated history it holds.
 * Business dates decide (when a term, office or rule applies), never recording times.
 */
public final class BodyTimeline {

    private BodyTimeline() {
    }

    // ------------------------------------------------------------------ results

    /** @param population the inhabitants of the comune the holder represents, as of the date, if recorded */
    public record Holder(String personId, String name, String nameAsRecorded, String comuneId, Long population,
                         LocalDate from, LocalDate to, ActRef act) {
    }

    public record SeatOnDate(String seatId, SeatRole role, String constituency, String labelAsRecorded, Holder holder) {
    }

    /**
     * The composition on a date: the composition act in force and every seat existing then, held or
     * vacant. {@code population} sums the holders' comuni as of the date (the weight of a
     * population-weighted body); {@code populationComplete} is false when a holder has no comune or
     * the comune no figure yet, so a weighted count is never silently short.
     */
    public record Composition(String bodyId, LocalDate asOf, BodyView.CompositionAct act, int members,
                              long population, boolean populationComplete, List<SeatOnDate> seats) {
    }

    public record OfficeHolder(Office office, boolean vacant, String personId, String name, String nameAsRecorded,
                               Instant since, String sessionRef, Tally tally) {
    }

    public record Officers(String bodyId, Instant at, List<OfficeHolder> offices,
                           BodyView.InterimPresidency interimPresidingOfficer) {
    }

    /** Who casts the vote of a seat at an instant: its delegate while a delegation runs, else its holder. */
    public record VotingRight(String seatId, String holderPersonId, String voterPersonId, boolean delegated,
                              String delegationId) {
    }

    public record Delegations(String bodyId, Instant at, List<BodyView.Delegation> active, List<VotingRight> votingRights) {
    }

    public record RuleSetOnDate(String bodyId, LocalDate asOf, int version, String name, LocalDate effectiveFrom,
                                QuorumRule quorum, MajorityRule majority, Weighting weighting,
                                boolean delegationAllowed, ActRef act) {
    }

    // ------------------------------------------------------------------ queries

    public static Composition compositionOn(BodyView body, LocalDate asOf, Map<String, String> personNames,
                                            Map<String, Long> populations) {
        BodyView.CompositionAct act = body.getCompositionActs().stream()
                .filter(a -> !a.effectiveFrom().isAfter(asOf))
                .reduce((first, second) -> second).orElse(null);
        List<SeatOnDate> seats = new ArrayList<>();
        int members = 0;
        long population = 0;
        boolean complete = true;
        for (BodyView.Seat seat : body.getSeats()) {
            Optional<BodyView.Term> term = termOn(body, seat.seatId(), asOf);
            if (term.isEmpty() && seat.definedFrom() != null && seat.definedFrom().isAfter(asOf)) {
                continue; // the seat did not exist yet
            }
            Holder holder = term.map(t -> new Holder(t.personId(), personNames.get(t.personId()), t.nameAsRecorded(),
                    t.comuneId(), t.comuneId() == null ? null : populations.get(t.comuneId()), t.from(), t.to(), t.act()))
                    .orElse(null);
            if (holder == null && seat.byOffice() != null) {
                holder = body.holderByOffice(seat, asOf).orElse(null); // by virtue of an office in another body (OfficeHolders)
            }
            if (holder != null) {
                members++;
                if (holder.population() == null) {
                    complete = false;
                } else {
                    population += holder.population();
                }
            }
            seats.add(new SeatOnDate(seat.seatId(), seat.role(), seat.constituency(), seat.labelAsRecorded(), holder));
        }
        return new Composition(body.getId(), asOf, act, members, population, complete && members > 0, seats);
    }

    public static Optional<BodyView.Term> termOn(BodyView body, String seatId, LocalDate day) {
        return body.getTerms().stream()
                .filter(t -> t.seatId().equals(seatId) && !day.isBefore(t.from()) && (t.to() == null || !day.isAfter(t.to())))
                .findFirst();
    }

    public static Officers officersAt(BodyView body, Instant at, Map<String, String> personNames) {
        List<OfficeHolder> offices = new ArrayList<>();
        for (Office office : Office.values()) {
            Optional<BodyView.OfficeTerm> term = body.getOfficeTerms().stream()
                    .filter(t -> t.office() == office && !at.isBefore(t.from()) && (t.to() == null || at.isBefore(t.to())))
                    .findFirst();
            offices.add(term.map(t -> new OfficeHolder(office, false, t.personId(), personNames.get(t.personId()),
                            t.nameAsRecorded(), t.from(), t.sessionRef(), t.tally()))
                    .orElse(new OfficeHolder(office, true, null, null, null, null, null, null)));
        }
        BodyView.InterimPresidency interim = body.getInterimPresidencies().stream()
                .filter(i -> !at.isBefore(i.from()) && (i.to() == null || at.isBefore(i.to())))
                .findFirst().orElse(null);
        return new Officers(body.getId(), at, offices, interim);
    }

    public static Delegations delegationsAt(BodyView body, Instant at) {
        List<BodyView.Delegation> active = body.getDelegations().stream().filter(d -> d.activeAt(at)).toList();
        LocalDate day = BusinessTime.dateOf(at);
        List<VotingRight> rights = new ArrayList<>();
        for (BodyView.Seat seat : body.getSeats()) {
            Optional<BodyView.Term> term = termOn(body, seat.seatId(), day);
            if (term.isEmpty()) {
                continue;
            }
            Optional<BodyView.Delegation> delegation = active.stream()
                    .filter(d -> d.seatId().equals(seat.seatId())).findFirst();
            rights.add(new VotingRight(seat.seatId(), term.get().personId(),
                    delegation.map(BodyView.Delegation::delegatePersonId).orElse(term.get().personId()),
                    delegation.isPresent(), delegation.map(BodyView.Delegation::delegationId).orElse(null)));
        }
        return new Delegations(body.getId(), at, active, rights);
    }

    public static Optional<RuleSetOnDate> ruleSetOn(BodyView body, LocalDate asOf) {
        return body.getRuleSets().stream()
                .filter(r -> !r.effectiveFrom().isAfter(asOf))
                .max(Comparator.comparing(BodyView.RuleSet::effectiveFrom))
                .map(r -> new RuleSetOnDate(body.getId(), asOf, r.version(), r.name(), r.effectiveFrom(), r.quorum(),
                        r.majority(), r.weighting(), r.delegationAllowed(), r.act()));
    }
}
