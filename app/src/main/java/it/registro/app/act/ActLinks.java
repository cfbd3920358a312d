package it.registro.app.act;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import it.registro.domain.session.api.FindSessionRecord;
import it.registro.projections.act.ActLinksProjection;
import it.registro.projections.act.ActView;
import it.registro.projections.session.SessionRecords;
import it.registro.projections.session.SessionView;

/**
 * The decisions linked to an act: those that name it (a composition, a ratification, a parere) and the sittings its
 * consultations name ("SENTITA la Conferenza dei Sindaci, in data 22 marzo 2022"), each checked; a reference that
 * does not resolve, or a sitting that does not match what the act says, is flagged, never dropped.
 */
@Service
public class ActLinks {

    /** A consultation of the act and the sitting it names: what was decided on the item, and what does not match. */
    public record ConsultedSitting(ActView.Consultation consultation, String sessionId, String bodyId, String bodyName, LocalDate date,
                                   String outcome, List<String> flags) {
    }

    public record Links(String actId, List<ActLinksProjection.Resolved> decisions, List<ConsultedSitting> consultations) {
    }

    private final QueryGateway queries;
    private final Acts acts;

    public ActLinks(QueryGateway queries, Acts acts) {
        this.queries = queries;
        this.acts = acts;
    }

    public Links of(String actId) {
        ActView act = acts.get(actId, null).act();
        List<ActLinksProjection.Resolved> decisions = queries.query(new ActLinksProjection.FindActLinks(actId),
                ResponseTypes.multipleInstancesOf(ActLinksProjection.Resolved.class)).join();
        List<ConsultedSitting> consultations = new ArrayList<>();
        for (ActView.Consultation c : act.getConsultations()) {
            consultations.add(check(c));
        }
        return new Links(actId, decisions, consultations);
    }

    /** Every decision naming an act that resolves to none, or to several. */
    public List<ActLinksProjection.Resolved> unresolved() {
        return queries.query(new ActLinksProjection.FindActLinks(null), ResponseTypes.multipleInstancesOf(ActLinksProjection.Resolved.class)).join();
    }

    private ConsultedSitting check(ActView.Consultation c) {
        if (c.sessionId() == null) {
            return new ConsultedSitting(c, null, null, null, null, null, List.of("NOT_LINKED"));
        }
        Optional<SessionRecords.SessionRecord> found = queries.query(new FindSessionRecord(c.sessionId()),
                ResponseTypes.optionalInstanceOf(SessionRecords.SessionRecord.class)).join();
        if (found.isEmpty()) {
            return new ConsultedSitting(c, c.sessionId(), null, null, null, null, List.of("SESSION_NOT_FOUND"));
        }
        SessionView s = found.get().session();
        List<String> flags = new ArrayList<>();
        if (c.on() != null && !c.on().equals(s.getDate())) {
            flags.add("DATE_DIFFERS");
        }
        String bodyName = found.get().bodyName();
        if (bodyName != null && c.consulted() != null
                && !bodyName.toLowerCase(Locale.ROOT).contains(c.consulted().toLowerCase(Locale.ROOT))) {
            flags.add("BODY_DIFFERS");
        }
        String outcome = null;
        if (c.itemNo() != null) {
            if (s.getAgenda().stream().noneMatch(i -> i.itemNo() == c.itemNo())) {
                flags.add("ITEM_NOT_FOUND");
            }
            outcome = s.getOpinions().stream().filter(o -> o.itemNo() == c.itemNo()).map(o -> "OPINION " + o.outcome().name())
                    .findFirst().orElseGet(() -> s.getVotes().stream().filter(v -> v.itemNo() == c.itemNo())
                            .reduce((a, b) -> b).map(v -> "VOTE " + (v.recordedOutcome() != null ? v.recordedOutcome() : v.computedOutcome()))
                            .orElse(null));
        }
        return new ConsultedSitting(c, s.getId(), s.getBodyId(), bodyName, s.getDate(), outcome, flags);
    }
}
