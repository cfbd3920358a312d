package it.registro.projections.act;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import it.registro.domain.act.api.*;
import it.registro.projections.common.Versioned;

/** Keeps the {@code acts} read model: one document per act, changes guarded by the event's sequence number. */
@Component
@ProcessingGroup(ActProjection.PROCESSING_GROUP)
public class ActProjection {

    public static final String PROCESSING_GROUP = "acts";

    private final MongoTemplate mongo;

    public ActProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(ActView.class).createIndex(new Index().on("issuerBodyId", Sort.Direction.ASC)
                .on("type", Sort.Direction.ASC).on("number", Sort.Direction.ASC));
    }

    private void update(String actId, long seq, Instant at, String fact, LocalDate businessDate, String source,
                        Consumer<ActView> change) {
        Versioned.update(mongo, ActView.class, actId, seq, act -> {
            change.accept(act);
            act.getHistory().add(new ActView.HistoryEntry(fact, businessDate, at, source));
        });
    }

    @EventHandler
    public void on(ActRegistered e, @SequenceNumber long seq, @Timestamp Instant at) {
        ActView act = new ActView(e.actId(), e.issuerBodyId(), e.type(), e.number(), e.year(), e.date(), e.title(),
                e.citationAsRecorded(), e.subjectToControl());
        act.getHistory().add(new ActView.HistoryEntry("REGISTERED", e.date(), at, e.source()));
        act.version(seq);
        mongo.save(act);
    }

    @EventHandler
    public void on(ActOpinionRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, "OPINION", e.on(), e.source(), a -> a.getOpinions().add(
                new ActView.Opinion(e.givenBy(), e.role(), e.outcome(), e.on(), e.source())));
    }

    @EventHandler
    public void on(it.registro.domain.act.api.ActFormalitiesRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, "FORMALITIES", null, e.source(), a -> a.formalities(a.getFormalities().with(e)));
    }

    @EventHandler
    public void on(ConsultationRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, "CONSULTATION", e.on(), e.source(), a -> a.getConsultations().add(
                new ActView.Consultation(e.consulted(), e.kind(), e.on(), e.outcomeAsRecorded(), e.minutesRef(), e.source(),
                        e.sessionId(), e.itemNo())));
    }

    @EventHandler
    public void on(ActAdopted e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, "ADOPTED", e.on(), e.source(), a -> a.adoption(
                new ActView.Adoption(e.on(), e.signedByAsRecorded(), e.unanimous(), e.tally(), e.voteAsRecorded())));
    }

    @EventHandler
    public void on(ActSubmitted e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, "SUBMITTED", e.on(), e.source(), a -> a.getSubmissions().add(
                new ActView.Submission(e.to(), e.channel(), e.protocol(), e.on())));
    }

    @EventHandler
    public void on(it.registro.domain.act.api.ActPublished e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, "PUBLISHED", e.from(), e.source(), a -> a.getPublications().add(
                new ActView.Publication(e.where(), e.from(), e.until(), e.registerNumber())));
    }

    @EventHandler
    public void on(ActDocumentAttached e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, "DOCUMENT", null, null, a -> a.getDocuments().add(
                new ActView.ActDocument(e.attachmentId(), e.title(), e.document(), e.uploadedBy(), at)));
    }

    @EventHandler
    public void on(ActDeclaredExecutable e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, "EXECUTIVE", e.on(), e.source(), a -> a.executability(
                new ActView.Executability(e.on(), e.immediate(), e.immediate() ? "IMMEDIATE" : "DECLARED", null,
                        e.legalBasisAsRecorded())));
    }

    @EventHandler
    public void on(ActBecameExecutive e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, "EXECUTIVE", e.on(), null, a -> a.executability(
                new ActView.Executability(e.on(), false, e.cause(), e.byActId(), null)));
    }

    @EventHandler
    public void on(ActEffectRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, "EFFECT", e.from(), e.source(), a -> a.getEffects().add(
                new ActView.Effect(e.from(), e.scopeAsRecorded())));
    }

    @EventHandler
    public void on(ActReferenceRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, e.kind().name(), e.effectiveFrom(), e.source(), a -> a.getOutgoing().add(
                new ActView.Reference(e.kind(), e.targetActId(), null, e.effectiveFrom(), e.noteAsRecorded())));
    }

    @EventHandler
    public void on(ActReferencedBy e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, e.kind().name() + "_BY", e.effectiveFrom(), null, a -> a.getIncoming().add(
                new ActView.Reference(e.kind(), e.sourceActId(), e.sourceDate(), e.effectiveFrom(), null)));
    }

    @EventHandler
    public void on(ActRevoked e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, "REVOKED", e.from(), null, a -> a.revocation(new ActView.Revocation(e.from(), e.byActId())));
    }

    @EventHandler
    public void on(it.registro.domain.act.api.ActAnnulled e, @SequenceNumber long seq, @Timestamp Instant at) {
        update(e.actId(), seq, at, "ANNULLED", e.from(), null, a -> a.annulment(new ActView.Revocation(e.from(), e.byActId())));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), ActView.class);
    }

    /** An act with its state and amendment on a date. */
    public record ActRecord(ActView act, LocalDate asOf, ActState state, boolean amended) {
    }

    @QueryHandler
    public Long handle(FindActVersion q) {
        return Versioned.shown(mongo, ActView.COLLECTION, q.actId());
    }

    @QueryHandler
    public Optional<ActRecord> handle(FindAct q) {
        return Optional.ofNullable(mongo.findById(q.actId(), ActView.class))
                .map(a -> new ActRecord(a, q.asOf(), a.stateOn(q.asOf()), a.amendedOn(q.asOf())));
    }

    @QueryHandler
    public List<ActView> handle(FindActs q) {
        Query query = new Query();
        if (q.issuerBodyId() != null) {
            query.addCriteria(Criteria.where("issuerBodyId").is(q.issuerBodyId()));
        }
        if (q.type() != null) {
            query.addCriteria(Criteria.where("type").is(q.type()));
        }
        if (q.number() != null) {
            query.addCriteria(Criteria.where("number").is(it.registro.domain.act.ActNumbers.comparable(q.number())));
        }
        if (q.year() != null) {
            query.addCriteria(Criteria.where("year").is(q.year()));
        }
        if (q.date() != null) {
            query.addCriteria(Criteria.where("date").is(q.date()));
        }
        return mongo.find(query.with(Sort.by("date", "_id")), ActView.class);
    }
}
