package it.registro.app.session;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Service;

import it.registro.app.web.Italiano;
import it.registro.domain.body.api.FindDelegations;
import it.registro.domain.body.api.FindRuleSet;
import it.registro.domain.body.api.MajorityRule;
import it.registro.domain.body.api.Weighting;
import it.registro.domain.common.BusinessTime;
import it.registro.domain.session.api.FindQuorumAt;
import it.registro.domain.session.api.SessionState;
import it.registro.projections.body.BodyTimeline;
import it.registro.projections.body.BodyView;
import it.registro.projections.session.SessionRecords;
import it.registro.projections.session.SessionView;

/**
 * What the secretariat's desk shows for a sitting while it records it: each seat with who votes for it now
 * (holder or delegate) and whether present, the participants, the agenda, the quorum now and the majority the
 * rules give for a vote of everyone present — all from the same read models and voting floor as the API.
 */
@Service
public class Desk {

    public record SeatLine(String seatId, String label, String holderId, String holderName, String voterId, String voterName,
                           boolean delegated, String status, boolean presentNow) {
    }

    public record Fact(String factId, String label) {
    }

    public record View(SessionRecords.SessionRecord record, SessionView session, String bodyName, boolean closed, boolean signed,
                       LocalDateTime now, List<SeatLine> seats, List<SessionView.AgendaItem> agenda, String quorumNow,
                       String majority, List<Fact> facts, Map<String, String> people, Minutes minutes) {
    }

    private final Sessions sessions;
    private final QueryGateway queries;

    public Desk(Sessions sessions, QueryGateway queries) {
        this.sessions = sessions;
        this.queries = queries;
    }

    /** The desk of a sitting, as of now (on the sitting's day) or of its convened start (any other day). */
    public View view(String sessionId) {
        SessionRecords.SessionRecord record = sessions.record(sessionId);
        SessionView s = record.session();
        LocalDate today = LocalDate.now(BusinessTime.ZONE);
        LocalDateTime now = s.getDate().equals(today) ? LocalDateTime.now(BusinessTime.ZONE).truncatedTo(ChronoUnit.MINUTES)
                : latestRecorded(record).map(i -> LocalDateTime.ofInstant(i, BusinessTime.ZONE))
                .orElse(s.getDate().atTime(s.getScheduledStart() == null ? LocalTime.of(9, 0) : s.getScheduledStart()));
        Instant at = now.atZone(BusinessTime.ZONE).toInstant();

        Map<String, String> people = new HashMap<>(record.names() == null ? Map.of() : record.names());
        s.getParticipants().forEach(p -> people.putIfAbsent(p.personId(), p.nameAsRecorded()));
        Map<String, BodyView.Delegation> delegations = new HashMap<>();
        queries.query(new FindDelegations(s.getBodyId(), at), ResponseTypes.optionalInstanceOf(BodyTimeline.Delegations.class)).join()
                .ifPresent(d -> d.active().forEach(x -> delegations.put(x.seatId(), x)));
        Map<String, SessionRecords.Attendance> attendance = new HashMap<>();
        record.attendance().members().forEach(a -> attendance.put(a.personId(), a));
        List<SeatLine> seats = new ArrayList<>();
        if (record.composition() != null) {
            for (BodyTimeline.SeatOnDate seat : record.composition().seats()) {
                String holder = seat.holder() == null ? null : seat.holder().personId();
                String holderName = seat.holder() == null ? "(seggio vacante)" : seat.holder().name();
                BodyView.Delegation d = delegations.get(seat.seatId());
                String voter = d != null ? d.delegatePersonId() : holder;
                String voterName = d != null ? people.getOrDefault(d.delegatePersonId(), d.nameAsRecorded()) : holderName;
                if (voter != null) {
                    people.putIfAbsent(voter, voterName);
                }
                SessionRecords.Attendance a = voter == null ? null : attendance.get(voter);
                boolean present = a != null && a.intervals().stream().anyMatch(i -> !i.from().isAfter(at)
                        && (i.to() == null || i.to().isAfter(at)));
                String label = seat.labelAsRecorded() != null ? seat.labelAsRecorded() : seat.constituency();
                seats.add(new SeatLine(seat.seatId(), label, holder, holderName, voter, voterName, d != null,
                        a == null ? "non registrato" : Italiano.word(a.status()), present));
            }
        }
        String quorumNow = queries.query(new FindQuorumAt(sessionId, at), ResponseTypes.optionalInstanceOf(SessionRecords.QuorumAt.class))
                .join().map(q -> q.evaluated() ? Minutes.quorumWords(new it.registro.domain.session.api.QuorumFigures(q.ruleSetVersion(),
                        q.rule(), q.met(), q.present(), q.members(), q.required(), q.presentPopulation(), q.requiredPopulation()))
                        : "presenti " + q.present() + " componenti su " + q.members() + " (nessuna regola di numero legale registrata)")
                .orElse(null);
        if (s.getClosedAt() != null) {
            quorumNow = "La seduta è chiusa dalle " + Italiano.time(s.getClosedAt()) + ": restano la firma, la trasmissione e la pubblicazione del verbale.";
        }
        long presentSeats = seats.stream().filter(SeatLine::presentNow).count();
        String majority = queries.query(new FindRuleSet(s.getBodyId(), s.getDate()), ResponseTypes.optionalInstanceOf(BodyTimeline.RuleSetOnDate.class))
                .join().map(r -> majority(r.majority(), r.weighting(), s.getClosedAt() != null ? -1 : presentSeats, seats.size())).orElse("Nessun regolamento registrato per la data "
                        + "della seduta: l'esito sarà quello verbalizzato.");
        List<Fact> facts = new ArrayList<>();
        s.getVotes().forEach(v -> facts.add(new Fact(v.factId(), "Votazione, punto " + v.itemNo() + ": " + v.subject())));
        s.getElections().forEach(e -> facts.add(new Fact(e.factId(), "Elezione, punto " + e.itemNo() + ": " + e.nameAsRecorded())));
        s.getInterventions().forEach(i -> facts.add(new Fact(i.factId(), "Intervento, punto " + i.itemNo() + " delle " + Italiano.time(i.at()))));
        s.getInformation().forEach(i -> facts.add(new Fact(i.factId(), "Comunicazione, punto " + i.itemNo())));
        return new View(record, s, record.bodyName(), s.getState() == SessionState.CLOSED,
                s.getMinutes().state() != it.registro.domain.session.api.MinutesState.DRAFT, now, seats,
                s.getAgenda(), quorumNow, majority, facts, people, Minutes.of(record));
    }

    /**
     * A sitting recorded on another day (from a paper verbale) moves on with what is recorded: its desk stands at the
     * latest moment recorded so far, so the figures shown and the times offered follow the transcription.
     */
    static java.util.Optional<Instant> latestRecorded(SessionRecords.SessionRecord record) {
        SessionView s = record.session();
        java.util.stream.Stream.Builder<Instant> times = java.util.stream.Stream.builder();
        times.add(s.getOpenedAt()).add(s.getClosedAt());
        record.attendance().members().forEach(a -> a.intervals().forEach(i -> times.add(i.from()).add(i.endedByClose() ? null : i.to())));
        s.getVotes().forEach(v -> times.add(v.at()));
        s.getElections().forEach(e -> times.add(e.at()));
        s.getInformation().forEach(i -> times.add(i.at()));
        s.getInterventions().forEach(i -> times.add(i.at()));
        return times.build().filter(Objects::nonNull).max(Comparator.naturalOrder());
    }

    /**
     * The majority the rules give, in words, and what it takes if everyone present votes; with {@code present} below
     * zero (a closed sitting) only the rule.
     */
    static String majority(MajorityRule rule, Weighting weighting, long present, int members) {
        if (rule == null) {
            return "Nessuna regola di maggioranza registrata.";
        }
        boolean weighted = weighting == Weighting.POPULATION;
        String words = "Regola di maggioranza: " + Italiano.word(rule.kind().name()) + (weighted ? ", ponderata per popolazione" : "") + ".";
        if (present < 0) {
            return words;   // a closed sitting votes no more
        }
        if (weighted) {
            return words + " Indichi il voto di ciascun presente: l'esito si calcola sulla popolazione rappresentata.";
        }
        var result = it.registro.domain.rules.MajorityPolicy.evaluate(rule, new it.registro.domain.body.api.Tally(0, 0, (int) present), members);
        return switch (rule.kind()) {
            case MAJORITY_OF_VOTES_CAST -> words + " Occorrono più favorevoli che contrari (gli astenuti non contano).";
            default -> words + " Con " + present + (present == 1 ? " presente" : " presenti") + " al voto occorrono almeno "
                    + result.threshold() + " voti favorevoli.";
        };
    }
}
