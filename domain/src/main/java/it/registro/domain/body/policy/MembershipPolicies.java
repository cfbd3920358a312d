package it.registro.domain.body.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;

import it.registro.domain.common.Interval;
import it.registro.domain.common.Rejection;
import it.registro.domain.common.Verdict;

/** Who may hold a seat, and when. */
public final class MembershipPolicies {

    private MembershipPolicies() {
    }

    /** A period ends on or after the day it starts. */
    public static Verdict inOrder(LocalDate from, LocalDate to, String toField) {
        if (from != null && to != null && to.isBefore(from)) {
            return Verdict.rejected(Rejection.invalid("DATES_OUT_OF_ORDER", toField,
                    toField + " " + to + " is before the start " + from));
        }
        return Verdict.allowed();
    }

    public static Verdict inOrder(Instant from, Instant to, String toField) {
        if (from != null && to != null && !to.isAfter(from)) {
            return Verdict.rejected(Rejection.invalid("DATES_OUT_OF_ORDER", toField,
                    toField + " " + to + " is not after the start " + from));
        }
        return Verdict.allowed();
    }

    /** A seat has at most one holder on any day. */
    public static Verdict seatFree(String seatId, Interval wanted, Collection<Interval> existingTerms) {
        for (Interval term : existingTerms) {
            if (term.overlaps(wanted)) {
                return Verdict.rejected(Rejection.conflict("SEAT_HOLDER_OVERLAP", "from",
                        "Seat " + seatId + " is already held from " + term.from()
                                + (term.to() == null ? " with no end" : " to " + term.to())));
            }
        }
        return Verdict.allowed();
    }

    /** A person holds at most one seat of a body on any day. */
    public static Verdict personNotSeatedElsewhere(String personId, Interval wanted, Collection<Interval> otherSeatTerms) {
        for (Interval term : otherSeatTerms) {
            if (term.overlaps(wanted)) {
                return Verdict.rejected(Rejection.conflict("PERSON_ALREADY_SEATED", "personId",
                        "Person " + personId + " already holds another seat of this body from " + term.from()));
            }
        }
        return Verdict.allowed();
    }
}
