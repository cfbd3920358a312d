package it.registro.projections.session;

import java.time.Instant;

import it.registro.domain.body.api.Tally;
import it.registro.domain.session.api.OpinionOutcome;
import it.registro.domain.session.api.Outcome;

/** Applies a correction's changes to the fact they correct; the correction itself is listed beside the facts. */
final class Corrections {

    private Corrections() {
    }

    static void apply(SessionView s, String factId, String field, String value) {
        if (factId.equals("convocation")) {
            s.convocationCorrected(field, value);
            return;
        }
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
                field.equals("subject") ? value : v.subject(), v.at(), v.mode(), corrected(v.tally(), field, value), v.votes(),
                v.weightedTally(), v.presentAtVote(), v.quorum(), v.ruleSetVersion(), v.majorityRule(), v.threshold(), v.computedOutcome(),
                field.equals("recordedOutcome") ? (value == null ? null : Outcome.valueOf(value)) : v.recordedOutcome(),
                field.equals("outcomeAsRecorded") ? value : v.outcomeAsRecorded(), v.base(), v.weightedRule(), v.revoteOf(), v.revoteReason()));
        s.getElections().replaceAll(e -> !e.factId().equals(factId) ? e : new SessionView.Election(e.factId(), e.itemNo(),
                e.office(), e.personId(), field.equals("nameAsRecorded") ? value : e.nameAsRecorded(), e.at(),
                corrected(e.tally(), field, value), e.presentAtVote(), e.quorum(), e.ruleSetVersion(), e.majorityRule(),
                e.threshold(), e.computedOutcome(), field.equals("outcomeAsRecorded") ? value : e.outcomeAsRecorded(), e.base(),
                e.weightedRule()));
        s.getChairs().replaceAll(c -> !c.factId().equals(factId) ? c : new SessionView.Chair(c.factId(), c.personId(),
                c.member(), c.from(), c.basis(), value, c.reasonAsRecorded(), c.replacingPersonId()));
        s.getAbsences().replaceAll(a -> !a.factId().equals(factId) ? a
                : new SessionView.Absence(a.factId(), a.personId(), a.basis(), value));
        s.getOpinions().replaceAll(o -> !o.factId().equals(factId) ? o : new SessionView.Opinion(o.factId(), o.itemNo(), o.act(),
                field.equals("outcome") ? OpinionOutcome.valueOf(value) : o.outcome(),
                field.equals("conditionsAsRecorded") ? value : o.conditionsAsRecorded(),
                field.equals("textAsRecorded") ? value : o.textAsRecorded(), o.at(), corrected(o.tally(), field, value)));
        s.getDesignations().replaceAll(d -> !d.designationId().equals(factId) ? d : new SessionView.Designation(d.designationId(),
                d.itemNo(), field.equals("office") ? value : d.office(), d.candidatureId(),
                field.equals("nameAsRecorded") ? value : d.nameAsRecorded(), d.at(), d.basis(),
                field.equals("basisAsRecorded") ? value : d.basisAsRecorded(), corrected(d.tally(), field, value),
                field.equals("rationaleAsRecorded") ? value : d.rationaleAsRecorded(), d.ratifyingIssuer(), d.ratifyingAuthorityAsRecorded(),
                field.equals("termYears") ? (value == null ? null : Integer.valueOf(value)) : d.termYears(),
                field.equals("conditionsAsRecorded") ? value : d.conditionsAsRecorded(), d.status(), d.ratification(), d.recordedAt()));
        s.getInformation().replaceAll(i -> !i.factId().equals(factId) ? i
                : new SessionView.Information(i.factId(), i.itemNo(), i.at(), i.presenters(), value));
        s.getInterventions().replaceAll(i -> !i.factId().equals(factId) ? i
                : new SessionView.Intervention(i.factId(), i.itemNo(), i.personId(),
                field.equals("speakerAsRecorded") ? value : i.speakerAsRecorded(), i.at(),
                field.equals("summaryAsRecorded") ? value : i.summaryAsRecorded()));
    }

    private static Tally corrected(Tally t, String field, String value) {
        Tally base = t == null ? new Tally(null, null, null) : t;
        return switch (field) {
            case "inFavour" -> new Tally(count(value), base.against(), base.abstained());
            case "against" -> new Tally(base.inFavour(), count(value), base.abstained());
            case "abstained" -> new Tally(base.inFavour(), base.against(), count(value));
            default -> t;
        };
    }

    private static Integer count(String value) {
        return value == null ? null : Integer.valueOf(value);
    }
}
