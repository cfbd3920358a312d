package it.registro.projections.session;

import java.time.Instant;

import it.registro.domain.body.api.Tally;

/** Applies a correction to the fact it corrects; the correction itself is listed beside the facts. */
final class Corrections {

    private Corrections() {
    }

    static void apply(SessionView s, String factId, String field, String value) {
        s.getStays().replaceAll(st -> {
            if (factId.equals(st.arrivalFactId())) {
                return field.equals("at")
                        ? new SessionView.Stay(st.personId(), st.seatId(), st.delegate(), st.arrivalFactId(), Instant.parse(value),
                        st.arrivalPrecision(), st.arrivalText(), st.departureFactId(), st.departure(), st.departurePrecision(),
                        st.departureText())
                        : new SessionView.Stay(st.personId(), st.seatId(), st.delegate(), st.arrivalFactId(), st.arrival(),
                        st.arrivalPrecision(), value, st.departureFactId(), st.departure(), st.departurePrecision(),
                        st.departureText());
            }
            if (factId.equals(st.departureFactId())) {
                return field.equals("at")
                        ? new SessionView.Stay(st.personId(), st.seatId(), st.delegate(), st.arrivalFactId(), st.arrival(),
                        st.arrivalPrecision(), st.arrivalText(), st.departureFactId(), Instant.parse(value),
                        st.departurePrecision(), st.departureText())
                        : new SessionView.Stay(st.personId(), st.seatId(), st.delegate(), st.arrivalFactId(), st.arrival(),
                        st.arrivalPrecision(), st.arrivalText(), st.departureFactId(), st.departure(),
                        st.departurePrecision(), value);
            }
            return st;
        });
        s.getVotes().replaceAll(v -> !v.factId().equals(factId) ? v : new SessionView.Vote(v.factId(), v.itemNo(),
                v.subject(), v.at(), v.mode(), corrected(v.tally(), field, value), v.votes(), v.weightedTally(),
                v.presentAtVote(), v.quorum(), v.ruleSetVersion(), v.majorityRule(), v.threshold(), v.computedOutcome(),
                v.recordedOutcome(), field.equals("outcomeAsRecorded") ? value : v.outcomeAsRecorded()));
        s.getElections().replaceAll(e -> !e.factId().equals(factId) ? e : new SessionView.Election(e.factId(), e.itemNo(),
                e.office(), e.personId(), field.equals("nameAsRecorded") ? value : e.nameAsRecorded(), e.at(),
                corrected(e.tally(), field, value), e.presentAtVote(), e.quorum(), e.ruleSetVersion(), e.majorityRule(),
                e.threshold(), e.computedOutcome(), field.equals("outcomeAsRecorded") ? value : e.outcomeAsRecorded()));
        s.getChairs().replaceAll(c -> !c.factId().equals(factId) ? c : new SessionView.Chair(c.factId(), c.personId(),
                c.member(), c.from(), c.basis(), value, c.reasonAsRecorded(), c.replacingPersonId()));
        s.getAbsences().replaceAll(a -> !a.factId().equals(factId) ? a
                : new SessionView.Absence(a.factId(), a.personId(), a.basis(), value));
    }

    private static Tally corrected(Tally t, String field, String value) {
        return switch (field) {
            case "inFavour" -> new Tally(count(value), t.against(), t.abstained());
            case "against" -> new Tally(t.inFavour(), count(value), t.abstained());
            case "abstained" -> new Tally(t.inFavour(), t.against(), count(value));
            default -> t;
        };
    }

    private static Integer count(String value) {
        return value == null ? null : Integer.valueOf(value);
    }
}
