package it.registro.domain.body;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import it.registro.domain.body.api.BodyRegistered;
import it.registro.domain.body.api.CompositionActCorrected;
import it.registro.domain.body.api.CompositionActRecorded;
import it.registro.domain.body.api.DelegationRevoked;
import it.registro.domain.body.api.InterimPresidingOfficerDesignated;
import it.registro.domain.body.api.MemberSeated;
import it.registro.domain.body.api.MemberUnseated;
import it.registro.domain.body.api.Office;
import it.registro.domain.body.api.OfficeVacated;
import it.registro.domain.body.api.OfficerElected;
import it.registro.domain.body.api.RuleSetAdopted;
import it.registro.domain.body.api.SeatDefined;
import it.registro.domain.body.api.SeatDelegated;
import it.registro.domain.body.api.SeatLabelCorrected;
import it.registro.domain.body.api.TermCorrected;

/**
 * A body's dated facts as its events state them: seats and terms, offices, delegations, rule sets.
 * The Body aggregate decides with it, and whoever must judge on the body's own record (a sitting's
 * commands) folds the body's event stream into one, so both read the same facts the same way.
 */
public final class BodyHistory {

    /** The body on a day: the seats held (in seat order), the composition act and rule set in force, the delegations running. */
    public record OnDay(LocalDate day, List<Terms.Term> held, Terms.CompositionAct compositionAct, RuleSetAdopted ruleSet,
                        List<Delegations.Delegation> delegations) {
    }

    private final Terms terms = new Terms();
    private final Offices offices = new Offices();
    private final Delegations delegations = new Delegations();
    private final RuleSets ruleSets = new RuleSets();
    private boolean registered;

    public boolean registered() {
        return registered;
    }

    public Terms terms() {
        return terms;
    }

    public Offices offices() {
        return offices;
    }

    public Delegations delegations() {
        return delegations;
    }

    public RuleSets ruleSets() {
        return ruleSets;
    }

    public OnDay on(LocalDate day) {
        return new OnDay(day, terms.heldOn(day), terms.actOn(day).orElse(null), ruleSets.inForceOn(day).orElse(null),
                delegations.onDay(day));
    }

    public Optional<String> officeHolderAt(Office office, Instant at) {
        return offices.holderAt(office, at);
    }

    /**
     * The body on a day with its seats held by virtue of another body's office filled: each such seat no term names is
     * held by that body's officer when the day begins (Europe/Rome), for the comune that officer holds a seat for there.
     * {@code others} gives the other bodies' histories; a seat whose office is vacant, or whose body is unknown, stays empty.
     */
    public OnDay on(LocalDate day, java.util.function.Function<String, Optional<BodyHistory>> others) {
        java.util.Map<String, Terms.Term> derived = new java.util.HashMap<>();
        for (Terms.SeatByOffice seat : terms.byOfficeOn(day)) {
            others.apply(seat.byOffice().bodyId()).flatMap(other -> other.holderByOffice(seat, day)).ifPresent(t -> derived.put(seat.seatId(), t));
        }
        return withHolders(on(day), terms.seatIds(), derived);
    }

    /** The term by virtue of this body's office for a seat of another body, on a day: its officer when the day begins, and their comune here. */
    public Optional<Terms.Term> holderByOffice(Terms.SeatByOffice seat, LocalDate day) {
        Instant dayBegins = day.atStartOfDay(java.time.ZoneId.of("Europe/Rome")).toInstant();
        return officeHolderAt(seat.byOffice().office(), dayBegins).map(person -> new Terms.Term(seat.seatId(), person,
                terms.heldOn(day).stream().filter(t -> person.equals(t.personId())).map(Terms.Term::comuneId)
                        .filter(java.util.Objects::nonNull).findFirst().orElse(null), day, day));
    }

    /** A day's seats with the terms held by virtue of office added, in the order the seats were defined. */
    public static OnDay withHolders(OnDay plain, List<String> seatOrder, java.util.Map<String, Terms.Term> byOffice) {
        if (byOffice.isEmpty()) {
            return plain;
        }
        List<Terms.Term> held = new java.util.ArrayList<>();
        for (String seatId : seatOrder) {
            plain.held().stream().filter(t -> t.seatId().equals(seatId)).forEach(held::add);
            if (byOffice.containsKey(seatId)) {
                held.add(byOffice.get(seatId));
            }
        }
        return new OnDay(plain.day(), held, plain.compositionAct(), plain.ruleSet(), plain.delegations());
    }

    /** Applies one of the body's events; events that change none of these facts are ignored. */
    public void apply(Object event) {
        if (event instanceof BodyRegistered) {
            registered = true;
        } else if (event instanceof CompositionActRecorded e) {
            terms.compositionRecorded(e.act(), e.effectiveFrom());
        } else if (event instanceof CompositionActCorrected e) {
            terms.compositionActCorrected(e.effectiveFrom(), e.act());
        } else if (event instanceof SeatDefined e) {
            terms.seatDefined(e.seatId(), e.role(), e.labelAsRecorded(), e.byOffice());
        } else if (event instanceof SeatLabelCorrected e) {
            terms.seatLabelCorrected(e.seatId(), e.labelAsRecorded());
        } else if (event instanceof MemberSeated e) {
            terms.seated(e.seatId(), e.personId(), e.comuneId(), e.from(), e.to());
        } else if (event instanceof MemberUnseated e) {
            terms.unseated(e.seatId(), e.personId(), e.lastDay());
        } else if (event instanceof TermCorrected e) {
            terms.termFrom(e.seatId(), e.originalFrom()).ifPresent(t ->
                    terms.termCorrected(e.seatId(), e.originalFrom(), TermCorrections.apply(t, e.changes())));
        } else if (event instanceof OfficerElected e) {
            offices.officerElected(e.office(), e.personId(), e.at(), e.sessionRef());
        } else if (event instanceof OfficeVacated e) {
            offices.officeVacated(e.office(), e.personId(), e.at());
        } else if (event instanceof InterimPresidingOfficerDesignated e) {
            offices.interimDesignated(e.from());
        } else if (event instanceof SeatDelegated e) {
            delegations.delegated(e.delegationId(), e.seatId(), e.delegatorPersonId(), e.delegatePersonId(), e.from(), e.to());
        } else if (event instanceof DelegationRevoked e) {
            delegations.revoked(e.delegationId(), e.at());
        } else if (event instanceof RuleSetAdopted e) {
            ruleSets.adopted(e);
        }
    }
}
