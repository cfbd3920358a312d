package it.registro.app.session;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import it.registro.app.web.BusinessTimes;
import it.registro.domain.body.api.Tally;
import it.registro.domain.common.Text;
import it.registro.domain.session.api.*;

import static it.registro.app.body.CompositionRequests.TallyRequest;

/**
 * The one translation from a recording request (as the API and the desk's forms both receive it) to the session's
 * command. Each action is named as its REST path segment, with the request type the form is read into.
 */
public final class SessionCommands {

    /** A recording action: its request type and how the request becomes the command for a session. */
    public record Action<R>(Class<R> request, BiFunction<String, R, Object> command) {

        @SuppressWarnings("unchecked")
        public Object commandFor(String sessionId, Object request) {
            return command.apply(sessionId, (R) request);
        }
    }

    private SessionCommands() {
    }

    public static String idOf(SessionRequests.Convene r) {
        return r.id() != null ? r.id() : Text.slug(r.bodyId() + " " + r.date() + (r.number() == null ? "" : " " + r.number()));
    }

    public static ConveneSession convene(SessionRequests.Convene r) {
        String id = idOf(r);
        return new ConveneSession(id, r.bodyId(), r.number(), r.protocol(), r.protocolDate(), r.convenerPersonId(),
                r.convenerNameAsRecorded(), r.date(), r.scheduledStart(), r.mode(), r.venue(), r.textAsRecorded());
    }

    static Tally tally(TallyRequest t) {
        return t == null ? null : new Tally(t.inFavour(), t.against(), t.abstained());
    }

    /** Every recording action of a sitting, by name, in the order a sitting meets them. */
    public static final Map<String, Action<?>> ACTIONS = actions();

    private static Map<String, Action<?>> actions() {
        Map<String, Action<?>> a = new LinkedHashMap<>();
        a.put("agenda", new Action<>(SessionRequests.AgendaItem.class,
                (id, r) -> new AddAgendaItem(id, r.itemNo(), r.kind(), r.title(), r.minutesOf())));
        a.put("agenda-titles", new Action<>(SessionRequests.ItemTitle.class,
                (id, r) -> new AddAgendaItemTitle(id, r.itemNo(), r.title(), r.source())));
        a.put("participants", new Action<>(SessionRequests.Participant.class,
                (id, r) -> new RegisterParticipant(id, r.personId(), r.nameAsRecorded(), r.role(), r.roleAsRecorded())));
        a.put("arrivals", new Action<>(SessionRequests.Attendance.class,
                (id, r) -> new RecordArrival(id, r.personId(), BusinessTimes.instant(r.at()), r.precision(), r.textAsRecorded())));
        a.put("departures", new Action<>(SessionRequests.Attendance.class,
                (id, r) -> new RecordDeparture(id, r.personId(), BusinessTimes.instant(r.at()), r.precision(), r.textAsRecorded())));
        a.put("absences", new Action<>(SessionRequests.Absence.class,
                (id, r) -> new MarkAbsent(id, r.personId(), r.basis(), r.textAsRecorded())));
        a.put("chair", new Action<>(SessionRequests.Chair.class,
                (id, r) -> new AssignChair(id, r.personId(), BusinessTimes.instant(r.at()), r.basis(), r.labelAsRecorded(), r.reasonAsRecorded())));
        a.put("quorum", new Action<>(SessionRequests.Quorum.class,
                (id, r) -> new DeclareQuorum(id, BusinessTimes.instant(r.at()), r.textAsRecorded(), r.statedPresent())));
        a.put("open", new Action<>(SessionRequests.At.class, (id, r) -> new OpenSession(id, BusinessTimes.instant(r.at()))));
        a.put("votes", new Action<>(SessionRequests.Vote.class, (id, r) -> new RecordVote(id, r.itemNo(), r.subject(),
                BusinessTimes.instant(r.at()), r.mode(), tally(r.tally()), r.votes() == null ? null
                : r.votes().stream().map(v -> new NamedVote(v.personId(), v.choice())).toList(), r.recordedOutcome(), r.outcomeAsRecorded(),
                r.revoteReason())));
        a.put("elections", new Action<>(SessionRequests.Election.class, (id, r) -> new RecordElection(id, r.itemNo(), r.office(),
                r.personId(), r.nameAsRecorded(), BusinessTimes.instant(r.at()), tally(r.tally()), r.outcomeAsRecorded())));
        a.put("voter-attestations", new Action<>(SessionRequests.VoterAttestation.class,
                (id, r) -> new AttestVoters(id, r.itemNo(), r.count(), BusinessTimes.instant(r.at()), r.textAsRecorded())));
        a.put("candidatures", new Action<>(SessionRequests.Candidature.class,
                (id, r) -> new RegisterCandidature(id, r.itemNo(), r.candidatureId(), r.name(), r.detailsAsRecorded(), r.source())));
        a.put("designations", new Action<>(SessionRequests.Designation.class, (id, r) -> new DesignateAppointee(id, r.itemNo(), r.office(),
                r.candidatureId(), r.nameAsRecorded(), BusinessTimes.instant(r.at()), r.basis(), r.basisAsRecorded(), tally(r.tally()),
                r.rationaleAsRecorded(), r.ratifyingIssuer(), r.ratifyingAuthorityAsRecorded(), r.termYears(), r.conditionsAsRecorded())));
        a.put("opinions", new Action<>(SessionRequests.Opinion.class, (id, r) -> new GiveOpinion(id, r.itemNo(), r.act().toRef(),
                r.outcome(), r.conditionsAsRecorded(), r.textAsRecorded(), BusinessTimes.instant(r.at()), tally(r.tally()))));
        a.put("information", new Action<>(SessionRequests.Information.class, (id, r) -> new PresentInformation(id, r.itemNo(),
                BusinessTimes.instant(r.at()), r.presenters() == null ? List.of()
                : r.presenters().stream().map(p -> new Presenter(p.personId(), p.nameAsRecorded(), p.role())).toList(), r.summaryAsRecorded())));
        a.put("interventions", new Action<>(SessionRequests.Intervention.class, (id, r) -> new RecordIntervention(id, r.itemNo(),
                r.personId(), r.speakerAsRecorded(), BusinessTimes.instant(r.at()), r.summaryAsRecorded())));
        a.put("follow-ups", new Action<>(SessionRequests.FollowUp.class, (id, r) -> new AnnounceFollowUp(id, r.itemNo(), r.on(),
                r.descriptionAsRecorded(), r.reportedByPersonId(), r.source())));
        a.put("close", new Action<>(SessionRequests.At.class, (id, r) -> new CloseSession(id, BusinessTimes.instant(r.at()), r.textAsRecorded())));
        a.put("attachments", new Action<>(SessionRequests.Attachment.class,
                (id, r) -> new AddAttachment(id, r.itemNo(), r.title(), r.reference())));
        a.put("corrections", new Action<>(SessionRequests.Correction.class, (id, r) -> new CorrectRecord(id, r.factId(), r.field(),
                r.value(), r.reason(), r.changes() == null ? null : new LinkedHashMap<>(r.changes()))));
        a.put("minutes/sign", new Action<>(SessionRequests.Sign.class, (id, r) -> new SignMinutes(id, r.on(), r.signatories().stream()
                .map(s -> new Signatory(s.personId(), s.nameAsRecorded(), s.labelAsRecorded())).toList())));
        a.put("minutes/distribute", new Action<>(SessionRequests.Distribute.class,
                (id, r) -> new DistributeMinutes(id, r.on(), r.channel(), r.address(), r.recipientsAsRecorded())));
        return java.util.Collections.unmodifiableMap(a);
    }

    /** The command for a request of the named action. */
    public static Object command(String action, String sessionId, Object request) {
        return ACTIONS.get(action).commandFor(sessionId, request);
    }
}
