package it.registro.domain.body;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import it.registro.domain.common.BusinessTime;

/**
 * The delegations of a body's seats: which delegate casts a seat's vote from when to when (end
 * exclusive, a revocation shortening it). Changed only through the methods an event handler calls.
 */
public final class Delegations {

    /** A delegation; {@code to} is the end that applies, the revocation's instant if it came first. */
    public record Delegation(String delegationId, String seatId, String delegatorPersonId, String delegatePersonId,
                             Instant from, Instant to) {

        public boolean overlaps(Instant otherFrom, Instant otherTo) {
            return from.isBefore(otherTo) && otherFrom.isBefore(to);
        }

        public boolean activeAt(Instant at) {
            return !at.isBefore(from) && at.isBefore(to);
        }
    }

    private final Map<String, Delegation> delegations = new LinkedHashMap<>();

    public Optional<Delegation> get(String delegationId) {
        return Optional.ofNullable(delegations.get(delegationId));
    }

    public boolean exists(String delegationId) {
        return delegations.containsKey(delegationId);
    }

    /** Whether a person is the delegate of some seat at some time in [from, to). */
    public boolean delegatesDuring(String personId, Instant from, Instant to) {
        return delegations.values().stream().anyMatch(d -> d.delegatePersonId().equals(personId) && d.overlaps(from, to));
    }

    public Optional<Delegation> overlappingOnSeat(String seatId, Instant from, Instant to) {
        return delegations.values().stream().filter(d -> d.seatId().equals(seatId) && d.overlaps(from, to)).findFirst();
    }

    /** Delegations of a seat held by a person, running at some time within a span of days. */
    public List<Delegation> ofHolderWithin(String seatId, String personId, LocalDate first, LocalDate last) {
        Instant from = BusinessTime.startOf(first);
        Instant to = last == null ? Instant.MAX : BusinessTime.startOf(last.plusDays(1));
        return delegations.values().stream().filter(d -> d.seatId().equals(seatId) && d.delegatorPersonId().equals(personId)
                && d.overlaps(from, to)).toList();
    }

    /** Every delegation running at some moment of a day. */
    public List<Delegation> onDay(LocalDate day) {
        Instant start = BusinessTime.startOf(day);
        Instant end = BusinessTime.startOf(day.plusDays(1));
        return delegations.values().stream().filter(d -> d.overlaps(start, end)).toList();
    }

    // ------------------------------------------------------------------ applied by event handlers

    void delegated(String delegationId, String seatId, String delegatorPersonId, String delegatePersonId, Instant from,
                          Instant to) {
        delegations.put(delegationId, new Delegation(delegationId, seatId, delegatorPersonId, delegatePersonId, from, to));
    }

    void revoked(String delegationId, Instant at) {
        Delegation d = delegations.get(delegationId);
        if (d != null && at.isBefore(d.to())) {
            delegations.put(delegationId, new Delegation(d.delegationId(), d.seatId(), d.delegatorPersonId(), d.delegatePersonId(),
                    d.from(), at));
        }
    }
}
