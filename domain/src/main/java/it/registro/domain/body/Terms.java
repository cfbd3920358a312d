package it.registro.domain.body;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import it.registro.domain.body.api.ByOffice;
import it.registro.domain.body.api.SeatRole;
import it.registro.domain.common.ActRef;
import it.registro.domain.common.Interval;

/**
 * The seats of a body, who held each from when to when, and the composition acts that said so: the
 * body's membership over time. A day decides (business dates), never a recording time. Changed only
 * through the methods an event handler calls; everything else reads.
 */
public final class Terms {

    /** A person's hold on a seat, both ends inclusive; {@code to} null while open. */
    public record Term(String seatId, String personId, String comuneId, LocalDate from, LocalDate to) {

        public Interval interval() {
            return new Interval(from, to);
        }

        public boolean on(LocalDate day) {
            return interval().contains(day);
        }
    }

    /** A composition act and the day it takes effect. */
    public record CompositionAct(ActRef act, LocalDate effectiveFrom) {
    }

    private record Seat(SeatRole role, String labelAsRecorded, ByOffice byOffice) {
    }

    /** A seat held by virtue of another body's office that no term names on a day: its holder is that officer. */
    public record SeatByOffice(String seatId, ByOffice byOffice) {
    }

    private final Map<String, Seat> seats = new LinkedHashMap<>();
    private final List<Term> terms = new ArrayList<>();
    private final List<CompositionAct> acts = new ArrayList<>();

    // ------------------------------------------------------------------ reading

    public boolean seatDefined(String seatId) {
        return seats.containsKey(seatId);
    }

    public String labelOf(String seatId) {
        Seat seat = seats.get(seatId);
        return seat == null ? null : seat.labelAsRecorded();
    }

    /** The seats in the order they were defined. */
    public List<String> seatIds() {
        return List.copyOf(seats.keySet());
    }

    public int seatCount() {
        return seats.size();
    }

    /** Terms running on a day with no end yet: the ones a new composition continues or ends. */
    public List<Term> openOn(LocalDate day) {
        return terms.stream().filter(t -> t.on(day) && t.to() == null).toList();
    }

    public Optional<Term> openTermOf(String seatId) {
        return terms.stream().filter(t -> t.seatId().equals(seatId) && t.to() == null).findFirst();
    }

    public Optional<String> holderOn(String seatId, LocalDate day) {
        return termOn(seatId, day).map(Term::personId);
    }

    public Optional<Term> termOn(String seatId, LocalDate day) {
        return terms.stream().filter(t -> t.seatId().equals(seatId) && t.on(day)).findFirst();
    }

    public Optional<String> seatOf(String personId, LocalDate day) {
        return terms.stream().filter(t -> t.personId().equals(personId) && t.on(day)).map(Term::seatId).findFirst();
    }

    /** The term of a seat that began on a day: how a correction names the term it corrects. */
    public Optional<Term> termFrom(String seatId, LocalDate from) {
        return terms.stream().filter(t -> t.seatId().equals(seatId) && t.from().equals(from)).findFirst();
    }

    public List<Interval> intervalsOfSeat(String seatId) {
        return terms.stream().filter(t -> t.seatId().equals(seatId)).map(Term::interval).toList();
    }

    public List<Interval> intervalsOfPerson(String personId) {
        return terms.stream().filter(t -> t.personId().equals(personId)).map(Term::interval).toList();
    }

    public boolean holdsAnySeatDuring(String personId, Interval span) {
        return terms.stream().anyMatch(t -> t.personId().equals(personId) && t.interval().overlaps(span));
    }

    /** Every seat held on a day, in the order the seats were defined: the members on that day. */
    public List<Term> heldOn(LocalDate day) {
        List<Term> held = new ArrayList<>();
        for (String seatId : seats.keySet()) {
            termOn(seatId, day).ifPresent(held::add);
        }
        return held;
    }

    /** The seats held by virtue of an office in another body that no term of this body names on a day. */
    public List<SeatByOffice> byOfficeOn(LocalDate day) {
        List<SeatByOffice> out = new ArrayList<>();
        seats.forEach((seatId, seat) -> {
            if (seat.byOffice() != null && termOn(seatId, day).isEmpty()) {
                out.add(new SeatByOffice(seatId, seat.byOffice()));
            }
        });
        return out;
    }

    /** The composition act in force on a day: the latest taking effect on or before it. */
    public Optional<CompositionAct> actOn(LocalDate day) {
        CompositionAct inForce = null;
        for (CompositionAct a : acts) {
            if (!a.effectiveFrom().isAfter(day)) {
                inForce = a;
            }
        }
        return Optional.ofNullable(inForce);
    }

    public Optional<CompositionAct> actFrom(LocalDate effectiveFrom) {
        return acts.stream().filter(a -> a.effectiveFrom().equals(effectiveFrom)).reduce((a, b) -> b);
    }

    public LocalDate latestCompositionFrom() {
        return acts.isEmpty() ? null : acts.get(acts.size() - 1).effectiveFrom();
    }

    // ------------------------------------------------------------------ applied by event handlers

    void compositionRecorded(ActRef act, LocalDate effectiveFrom) {
        acts.add(new CompositionAct(act, effectiveFrom));
    }

    void compositionActCorrected(LocalDate effectiveFrom, ActRef act) {
        for (int i = 0; i < acts.size(); i++) {
            if (acts.get(i).effectiveFrom().equals(effectiveFrom)) {
                acts.set(i, new CompositionAct(act, effectiveFrom));
            }
        }
    }

    void seatDefined(String seatId, SeatRole role, String labelAsRecorded, ByOffice byOffice) {
        seats.put(seatId, new Seat(role, labelAsRecorded, byOffice));
    }

    void seatLabelCorrected(String seatId, String labelAsRecorded) {
        Seat seat = seats.get(seatId);
        seats.put(seatId, new Seat(seat == null ? null : seat.role(), labelAsRecorded, seat == null ? null : seat.byOffice()));
    }

    void seated(String seatId, String personId, String comuneId, LocalDate from, LocalDate to) {
        terms.add(new Term(seatId, personId, comuneId, from, to));
    }

    void unseated(String seatId, String personId, LocalDate lastDay) {
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (t.seatId().equals(seatId) && t.personId().equals(personId) && t.to() == null) {
                terms.set(i, new Term(t.seatId(), t.personId(), t.comuneId(), t.from(), lastDay));
            }
        }
    }

    /** A term corrected: the term of the seat that began on {@code originalFrom} becomes {@code corrected}. */
    void termCorrected(String seatId, LocalDate originalFrom, Term corrected) {
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            if (t.seatId().equals(seatId) && t.from().equals(originalFrom)) {
                terms.set(i, corrected);
                return;
            }
        }
    }
}
