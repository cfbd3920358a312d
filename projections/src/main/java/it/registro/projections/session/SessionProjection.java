package it.registro.projections.session;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;


import it.registro.domain.session.api.*;
import it.registro.projections.body.BodyProjection;
import it.registro.projections.body.BodyView;
import it.registro.projections.comune.ComuneView;
import it.registro.projections.person.PersonView;

/**
 * Keeps the {@code sessions} read model and answers session queries. As for bodies, every change
 * loads the one document, skips events its version already covers, applies and saves it whole.
 */
@Component
@ProcessingGroup(SessionProjection.PROCESSING_GROUP)
public class SessionProjection {

    public static final String PROCESSING_GROUP = "sessions";
    private static final Logger log = LoggerFactory.getLogger(SessionProjection.class);

    private final MongoTemplate mongo;
    private final BodyProjection bodies;

    public SessionProjection(MongoTemplate mongo, BodyProjection bodies) {
        this.mongo = mongo;
        this.bodies = bodies;
        mongo.indexOps(SessionView.class).createIndex(new Index().on("bodyId", Sort.Direction.ASC).on("date", Sort.Direction.ASC));
    }

    private void update(String sessionId, long sequence, Instant recordedAt, Consumer<SessionView> change) {
        SessionView s = mongo.findById(sessionId, SessionView.class);
        if (s == null) {
            log.error("Event {} of session {} has no convened session in the read model", sequence, sessionId);
            return;
        }
        if (s.getVersion() >= sequence) {
            return;
        }
        change.accept(s);
        s.applied(sequence, recordedAt);
        mongo.save(s);
    }

    @EventHandler
    public void on(SessionConvened e, @SequenceNumber long seq, @Timestamp Instant t) {
        SessionView s = new SessionView(e.sessionId(), e.bodyId(), e.number(), e.protocol(), e.protocolDate(),
                e.convenerPersonId(), e.convenerNameAsRecorded(), e.date(), e.scheduledStart(), e.mode(), e.venue(),
                e.textAsRecorded(), t);
        s.applied(seq, t);
        mongo.save(s);
    }

    @EventHandler
    public void on(AgendaItemAdded e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getAgenda().add(new SessionView.AgendaItem(e.itemNo(), e.kind(),
                new ArrayList<>(List.of(e.title())), false, null, e.minutesOf())));
    }

    @EventHandler
    public void on(AgendaItemTitleAdded e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getAgenda().forEach(i -> {
            if (i.itemNo() == e.itemNo()) {
                i.titles().add(e.title());
            }
        }));
    }

    @EventHandler
    public void on(AgendaItemWithdrawn e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getAgenda().replaceAll(i -> i.itemNo() == e.itemNo()
                ? new SessionView.AgendaItem(i.itemNo(), i.kind(), i.titles(), true, e.reason(), i.minutesOf()) : i));
    }

    @EventHandler
    public void on(ParticipantRegistered e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getParticipants().add(new SessionView.Participant(e.personId(),
                e.nameAsRecorded(), e.role(), e.roleAsRecorded())));
    }

    @EventHandler
    public void on(MemberArrived e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getStays().add(new SessionView.Stay(e.personId(), e.seatId(), e.delegate(),
                e.factId(), e.at(), e.precision(), e.textAsRecorded(), null, null, null, null)));
    }

    @EventHandler
    public void on(MemberLeft e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getStays().replaceAll(st -> st.personId().equals(e.personId()) && st.departure() == null
                ? new SessionView.Stay(st.personId(), st.seatId(), st.delegate(), st.arrivalFactId(), st.arrival(),
                st.arrivalPrecision(), st.arrivalText(), e.factId(), e.at(), e.precision(), e.textAsRecorded())
                : st));
    }

    @EventHandler
    public void on(MemberMarkedAbsent e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getAbsences().add(new SessionView.Absence(e.factId(), e.personId(), e.basis(),
                e.textAsRecorded())));
    }

    @EventHandler
    public void on(ChairAssumed e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getChairs().add(new SessionView.Chair(e.factId(), e.personId(), e.member(),
                e.at(), e.basis(), e.labelAsRecorded(), e.reasonAsRecorded(), e.replacingPersonId())));
    }

    @EventHandler
    public void on(QuorumDeclared e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getQuorumDeclarations().add(new SessionView.QuorumDeclaration(e.at(),
                e.textAsRecorded(), e.statedPresent(), e.computed())));
    }

    @EventHandler
    public void on(SessionOpened e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.opened(e.at()));
    }

    @EventHandler
    public void on(SessionClosed e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.closed(e.at(), e.textAsRecorded()));
    }

    @EventHandler
    public void on(VoteRecorded e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getVotes().add(new SessionView.Vote(e.factId(), e.itemNo(), e.subject(), e.at(),
                e.mode(), e.tally(), e.votes(), e.weightedTally(), e.presentAtVote(), e.quorum(), e.ruleSetVersion(),
                e.majorityRule(), e.threshold(), e.computedOutcome(), e.recordedOutcome(), e.outcomeAsRecorded(), e.base(),
                e.weightedRule(), e.revoteOf(), e.revoteReason())));
    }

    @EventHandler
    public void on(ElectionRecorded e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getElections().add(new SessionView.Election(e.factId(), e.itemNo(), e.office(),
                e.personId(), e.nameAsRecorded(), e.at(), e.tally(), e.presentAtVote(), e.quorum(), e.ruleSetVersion(),
                e.majorityRule(), e.threshold(), e.computedOutcome(), e.outcomeAsRecorded(), e.base(), e.weightedRule())));
    }

    /** A vote's or election's figures after a correction: the voting floor's, as the session recorded them. */
    @EventHandler
    public void on(VoteFiguresRecomputed e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> {
            s.getVotes().replaceAll(v -> !v.factId().equals(e.factId()) ? v : v.withFigures(e.presentAtVote(), e.quorum(), e.tally(),
                    e.weightedTally(), e.ruleSetVersion(), e.majorityRule(), e.weightedRule(), e.threshold(), e.base(), e.computedOutcome()));
            s.getElections().replaceAll(x -> !x.factId().equals(e.factId()) ? x : x.withFigures(e.presentAtVote(), e.quorum(), e.tally(),
                    e.ruleSetVersion(), e.majorityRule(), e.threshold(), e.base(), e.computedOutcome()));
        });
    }

    @EventHandler
    public void on(QuorumRecomputed e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getQuorumDeclarations().replaceAll(q -> !q.at().equals(e.at()) ? q
                : new SessionView.QuorumDeclaration(q.at(), q.textAsRecorded(), q.statedPresent(), e.computed())));
    }

    @EventHandler
    public void on(VotersAttested e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getAttestations().add(new SessionView.Attestation(e.factId(), e.itemNo(),
                e.count(), e.at(), e.textAsRecorded())));
    }

    @EventHandler
    public void on(CandidatureRegistered e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getCandidatures().add(new SessionView.Candidature(e.itemNo(), e.candidatureId(),
                e.name(), e.detailsAsRecorded(), e.source())));
    }

    @EventHandler
    public void on(AppointeeDesignated e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getDesignations().add(new SessionView.Designation(e.designationId(), e.itemNo(),
                e.office(), e.candidatureId(), e.nameAsRecorded(), e.at(), e.basis(), e.basisAsRecorded(), e.tally(),
                e.rationaleAsRecorded(), e.ratifyingIssuer(), e.ratifyingAuthorityAsRecorded(), e.termYears(),
                e.conditionsAsRecorded(), "PENDING_RATIFICATION", null, t)));
    }

    @EventHandler
    public void on(DesignationRatified e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getDesignations().replaceAll(d -> d.designationId().equals(e.designationId())
                ? new SessionView.Designation(d.designationId(), d.itemNo(), d.office(), d.candidatureId(), d.nameAsRecorded(),
                d.at(), d.basis(), d.basisAsRecorded(), d.tally(), d.rationaleAsRecorded(), d.ratifyingIssuer(),
                d.ratifyingAuthorityAsRecorded(), d.termYears(), d.conditionsAsRecorded(), "RATIFIED",
                new SessionView.Ratification(e.act(), e.ratifiedOn(), e.termFrom(), e.termTo(), t), d.recordedAt())
                : d));
    }

    @EventHandler
    public void on(OpinionGiven e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getOpinions().add(new SessionView.Opinion(e.factId(), e.itemNo(), e.act(),
                e.outcome(), e.conditionsAsRecorded(), e.textAsRecorded(), e.at(), e.tally())));
    }

    @EventHandler
    public void on(InformationPresented e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getInformation().add(new SessionView.Information(e.factId(), e.itemNo(), e.at(),
                e.presenters(), e.summaryAsRecorded())));
    }

    @EventHandler
    public void on(it.registro.domain.session.api.InterventionRecorded e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getInterventions().add(new SessionView.Intervention(e.factId(), e.itemNo(), e.personId(),
                e.speakerAsRecorded(), e.at(), e.summaryAsRecorded())));
    }

    @EventHandler
    public void on(it.registro.domain.session.api.LateEntryNoted e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getLateEntries().add(new SessionView.LateEntry(e.factId(), e.at(), t, e.reason())));
    }

    @EventHandler
    public void on(it.registro.domain.session.api.MinutesApproved e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> {
            SessionView.Minutes m = s.getMinutes();
            s.minutes(new SessionView.Minutes(MinutesState.APPROVED, m.signedOn(), m.signatories(), m.distribution(), null, null, null,
                    e.on(), e.approvingSessionId(), e.approvingFactId()));
        });
    }

    @EventHandler
    public void on(FollowUpAnnounced e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getFollowUps().add(new SessionView.FollowUp(e.factId(), e.itemNo(), e.on(),
                e.descriptionAsRecorded(), e.reportedByPersonId(), e.source())));
    }

    @EventHandler
    public void on(FiguresRecorded e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> {
            List<SessionView.Milestone> milestones = e.milestones().stream().map(m -> new SessionView.Milestone(
                    m.period().toString(), m.labelAsRecorded(), m.textAsRecorded(), m.status(), m.source())).toList();
            List<SessionView.FundingLine> lines = e.fundingLines().stream().map(l -> new SessionView.FundingLine(l.lineId(),
                    l.citedActAsRecorded(), l.objectAsRecorded(), l.amount(), l.alternativeAmount(), l.source())).toList();
            List<SessionView.TotalCheck> checks = new ArrayList<>();
            for (int i = 0; i < e.totalChecks().size(); i++) {
                TotalCheck c = e.totalChecks().get(i);
                TotalCheckResult r = e.results().get(i);
                checks.add(new SessionView.TotalCheck(c.label(), c.lineIds(), c.useAlternative(), r.computed(), r.stated(),
                        r.statedAsRecorded(), r.passed(), r.difference(), r.source()));
            }
            s.getFigures().add(new SessionView.Figures(e.factId(), e.itemNo(), milestones, lines, checks));
        });
    }

    @EventHandler
    public void on(DiscrepancyFlagged e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getFlags().add(new SessionView.Flag(e.flagId(), e.code(), e.severity(),
                e.factIds(), e.details(), e.message(), t)));
    }

    @EventHandler
    public void on(RecordCorrected e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> e.allChanges().forEach(c -> {
            s.getCorrections().add(new SessionView.Correction(e.factId(), c.field(), c.previous(), c.value(), e.reason(), t));
            Corrections.apply(s, e.factId(), c.field(), c.value());
        }));
    }

    @EventHandler
    public void on(AttachmentAdded e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getAttachments().add(new SessionView.Attachment(e.attachmentId(), e.itemNo(),
                e.title(), e.reference())));
    }

    @EventHandler
    public void on(MinutesSigned e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.minutes(new SessionView.Minutes(MinutesState.SIGNED, e.on(), e.signatories(),
                s.getMinutes().distribution(), null, null, null)));
    }

    @EventHandler
    public void on(MinutesDistributed e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> {
            SessionView.Minutes m = s.getMinutes();
            s.minutes(new SessionView.Minutes(m.state(), m.signedOn(), m.signatories(),
                    new SessionView.Distribution(e.on(), e.channel(), e.address(), e.recipientsAsRecorded()),
                    m.publishedOn(), m.url(), m.extractOnly(), m.approvedOn(), m.approvedBySessionId(), m.approvedByFactId()));
        });
    }

    @EventHandler
    public void on(MinutesPublished e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> {
            SessionView.Minutes m = s.getMinutes();
            s.minutes(new SessionView.Minutes(MinutesState.PUBLISHED, m.signedOn(), m.signatories(), m.distribution(),
                    e.on(), e.url(), e.extractOnly(), m.approvedOn(), m.approvedBySessionId(), m.approvedByFactId()));
            s.publishedPdf(e.pdf());
        });
    }

    @EventHandler
    public void on(SessionDocumentAttached e, @SequenceNumber long seq, @Timestamp Instant t) {
        update(e.sessionId(), seq, t, s -> s.getAttachments().add(new SessionView.Attachment(e.attachmentId(), e.itemNo(),
                e.title(), null, e.document(), e.uploadedBy())));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), SessionView.class);
    }

    // ------------------------------------------------------------------ queries

    public Optional<SessionView> find(String sessionId) {
        return Optional.ofNullable(mongo.findById(sessionId, SessionView.class));
    }

    @QueryHandler
    public Optional<SessionRecords.SessionRecord> handle(FindSessionRecord q) {
        return find(q.sessionId()).map(s -> {
            BodyView body = it.registro.projections.body.OfficeHolders.attach(mongo, mongo.findById(s.getBodyId(), BodyView.class));
            SessionRecords.SessionRecord record = SessionRecords.record(s, body, names(s, body), populations(body, s.getDate()), comuni(body));
            String approving = s.getMinutes().approvedBySessionId();
            SessionView by = approving == null ? null : mongo.findById(approving, SessionView.class);
            return by == null ? record : record.approvedBy(new SessionRecords.SittingRef(by.getId(), by.getNumber(), by.getDate()));
        });
    }

    @QueryHandler
    public Optional<SessionRecords.PresentAt> handle(FindPresentAt q) {
        return find(q.sessionId()).flatMap(s -> Optional.ofNullable(it.registro.projections.body.OfficeHolders.attach(mongo,
                        mongo.findById(s.getBodyId(), BodyView.class)))
                .map(body -> SessionRecords.presentAt(s, body, q.at(), populations(body, s.getDate()))));
    }

    @QueryHandler
    public Optional<SessionRecords.ChairSpell> handle(FindChairAt q) {
        return find(q.sessionId()).flatMap(s -> SessionRecords.chairAt(s, q.at(), names(s, null)));
    }

    @QueryHandler
    public Optional<SessionRecords.QuorumAt> handle(FindQuorumAt q) {
        return find(q.sessionId()).flatMap(s -> Optional.ofNullable(it.registro.projections.body.OfficeHolders.attach(mongo,
                        mongo.findById(s.getBodyId(), BodyView.class)))
                .map(body -> SessionRecords.quorumAt(s, body, q.at(), populations(body, s.getDate()))));
    }

    /** Sessions of a body found by id or by any of its names, between two dates inclusive. */
    @QueryHandler
    public List<SessionView> handle(FindSessionsByBody q) {
        List<String> ids = bodies.byIdOrName(q.body()).stream().map(BodyView::getId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Criteria c = Criteria.where("bodyId").in(ids);
        if (q.from() != null || q.to() != null) {
            Criteria d = Criteria.where("date");
            if (q.from() != null) {
                d = d.gte(q.from());
            }
            if (q.to() != null) {
                d = d.lte(q.to());
            }
            c = new Criteria().andOperator(c, d);
        }
        return mongo.find(Query.query(c).with(Sort.by("date", "_id")), SessionView.class);
    }

    public record PendingRatification(String sessionId, String bodyId, String bodyName, LocalDate sessionDate,
                                      String sessionNumber, SessionView.Designation designation) {
    }

    @QueryHandler
    public List<PendingRatification> handle(FindPendingRatifications q) {
        List<BodyView> agencyBodies = mongo.find(Query.query(Criteria.where("agency.name")
                .regex("^" + java.util.regex.Pattern.quote(q.agencyName().strip()) + "$", "i")), BodyView.class);
        List<PendingRatification> pending = new ArrayList<>();
        for (BodyView body : agencyBodies) {
            for (SessionView s : mongo.find(Query.query(Criteria.where("bodyId").is(body.getId())).with(Sort.by("date")),
                    SessionView.class)) {
                for (SessionView.Designation d : s.getDesignations()) {
                    if ("PENDING_RATIFICATION".equals(d.status())) {
                        pending.add(new PendingRatification(s.getId(), body.getId(), body.getName(), s.getDate(),
                                s.getNumber(), d));
                    }
                }
            }
        }
        return pending;
    }

    private Map<String, String> names(SessionView s, BodyView body) {
        Set<String> ids = new HashSet<>();
        s.getStays().forEach(x -> ids.add(x.personId()));
        s.getAbsences().forEach(x -> ids.add(x.personId()));
        s.getChairs().forEach(x -> ids.add(x.personId()));
        s.getParticipants().forEach(x -> ids.add(x.personId()));
        if (body != null) {
            body.getTerms().forEach(x -> ids.add(x.personId()));
        }
        Map<String, String> names = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), PersonView.class).forEach(p -> names.put(p.id(), p.name()));
        return names;
    }

    /** The names of the comuni the body's terms represent. */
    private Map<String, String> comuni(BodyView body) {
        Map<String, String> result = new HashMap<>();
        comuniOf(body).forEach(c -> result.put(c.id(), c.name()));
        return result;
    }

    private Map<String, Long> populations(BodyView body, LocalDate date) {
        Map<String, Long> result = new HashMap<>();
        comuniOf(body).forEach(c -> c.populationOn(date).ifPresent(p -> result.put(c.id(), p.population())));
        return result;
    }

    /** The comuni the body's terms represent, read by their ids. */
    private List<ComuneView> comuniOf(BodyView body) {
        if (body == null) {
            return List.of();
        }
        Set<String> ids = new HashSet<>();
        body.getTerms().forEach(t -> {
            if (t.comuneId() != null) {
                ids.add(t.comuneId());
            }
        });
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), ComuneView.class);
    }

}
