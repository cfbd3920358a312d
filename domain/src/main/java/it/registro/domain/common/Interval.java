package it.registro.domain.common;

import java.time.LocalDate;

/** A span of days, both ends inclusive; an absent end is open (still running). */
public record Interval(LocalDate from, LocalDate to) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    public boolean overlaps(Interval other) {
        return (other.to == null || !from.isAfter(other.to)) && (to == null || !other.from.isAfter(to));
    }
}
