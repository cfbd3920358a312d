package it.registro.projections.albo;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import it.registro.domain.act.api.ActAdopted;
import it.registro.domain.act.api.ActAnnulled;
import it.registro.domain.act.api.ActDocumentAttached;
import it.registro.domain.act.api.ActPublished;
import it.registro.domain.act.api.ActRegistered;
import it.registro.domain.act.api.ActRevoked;
import it.registro.domain.session.api.AgendaItemAdded;
import it.registro.domain.session.api.MinutesPublished;
import it.registro.domain.session.api.SessionConvened;
import it.registro.domain.session.api.SessionDocumentAttached;

/**
 * Keeps the albo: every sitting and act, marked public when its minutes are published or it is adopted, with the
 * words of its subjects for search, its files, and when it was last changed. Each handler rewrites one entry and is
 * idempotent (a redelivered event sets the same values).
 */
@Component
@ProcessingGroup(AlboProjection.PROCESSING_GROUP)
public class AlboProjection {

    public static final String PROCESSING_GROUP = "albo";

    private final MongoTemplate mongo;

    public AlboProjection(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(AlboEntry.class).createIndex(new Index().on("published", Sort.Direction.ASC).on("date", Sort.Direction.DESC));
        mongo.indexOps(AlboEntry.class).createIndex(new Index().on("modified", Sort.Direction.ASC));
        mongo.indexOps(AlboEntry.class).createIndex(new Index().on("bodyId", Sort.Direction.ASC).on("date", Sort.Direction.ASC));
    }

    static String minutesId(String sessionId) {
        return "verbale:" + sessionId;
    }

    static String actId(String actId) {
        return "atto:" + actId;
    }

    private void update(String id, Instant at, Consumer<AlboEntry> change) {
        AlboEntry entry = mongo.findById(id, AlboEntry.class);
        if (entry == null) {
            return; // its first event was not seen: nothing to update (never for events of one aggregate, delivered in order)
        }
        change.accept(entry);
        entry.touched(at);
        mongo.save(entry);
    }

    /** An aggregate's first event makes its entry, once (a redelivery finds it there). */
    private void create(AlboEntry entry) {
        if (mongo.findById(entry.getId(), AlboEntry.class) == null) {
            entry.reindex();
            mongo.save(entry);
        }
    }

    @EventHandler
    void on(SessionConvened e, @Timestamp Instant at) {
        AlboEntry entry = new AlboEntry(minutesId(e.sessionId()), AlboEntry.MINUTES, e.sessionId(), e.bodyId(), e.number(), e.date(),
                "Verbale della seduta" + (e.number() == null ? "" : " n. " + e.number()), at);
        entry.schedule(e.scheduledStart(), e.venue());
        create(entry);
    }

    @EventHandler
    void on(AgendaItemAdded e, @Timestamp Instant at) {
        update(minutesId(e.sessionId()), at, entry -> entry.subject(e.title()));
    }

    @EventHandler
    void on(SessionDocumentAttached e, @Timestamp Instant at) {
        update(minutesId(e.sessionId()), at, entry -> entry.document(AlboEntry.FileRef.of(e.title(), e.document())));
    }

    @EventHandler
    void on(MinutesPublished e, @Timestamp Instant at) {
        update(minutesId(e.sessionId()), at, entry -> entry.publish(e.on(), e.url(),
                e.pdf() == null ? null : AlboEntry.FileRef.of("Verbale (PDF/A)", e.pdf())));
    }

    @EventHandler
    void on(ActRegistered e, @Timestamp Instant at) {
        create(new AlboEntry(actId(e.actId()), e.type() == null ? null : e.type().name(), e.actId(), e.issuerBodyId(),
                e.number(), e.date(), e.title(), at));
    }

    @EventHandler
    void on(ActAdopted e, @Timestamp Instant at) {
        update(actId(e.actId()), at, AlboEntry::adopt);
    }

    @EventHandler
    void on(ActPublished e, @Timestamp Instant at) {
        update(actId(e.actId()), at, entry -> entry.publishedOn(e.from()));
    }

    @EventHandler
    void on(ActDocumentAttached e, @Timestamp Instant at) {
        update(actId(e.actId()), at, entry -> entry.document(AlboEntry.FileRef.of(e.title(), e.document())));
    }

    @EventHandler
    void on(ActRevoked e, @Timestamp Instant at) {
        update(actId(e.actId()), at, AlboEntry::withdraw);
    }

    @EventHandler
    void on(ActAnnulled e, @Timestamp Instant at) {
        update(actId(e.actId()), at, AlboEntry::withdraw);
    }

    // ------------------------------------------------------------------ reads

    /** A page of public entries, newest first, filtered by body, year, type and subject words (all must appear). */
    public Page find(String bodyId, Integer year, String type, String words, int page, int size) {
        Criteria c = Criteria.where("published").is(true);
        if (bodyId != null && !bodyId.isBlank()) {
            c = c.and("bodyId").is(bodyId);
        }
        if (year != null) {
            c = c.and("year").is(year);
        }
        if (type != null && !type.isBlank()) {
            c = c.and("type").is(type);
        }
        List<String> wanted = AlboEntry.words(words);
        if (!wanted.isEmpty()) {
            c = c.and("words").all(wanted);
        }
        Query q = Query.query(c);
        long total = mongo.count(q, AlboEntry.class);
        List<AlboEntry> entries = mongo.find(q.with(Sort.by(Sort.Order.desc("date"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size), AlboEntry.class);
        return new Page(entries, page, size, total);
    }

    /** Public entries of one type family changed since an instant, oldest change first (for re-users' incremental copies). */
    public Page modifiedSince(boolean minutes, Instant since, int page, int size) {
        Criteria c = Criteria.where("published").is(true);
        c = minutes ? c.and("type").is(AlboEntry.MINUTES) : c.and("type").ne(AlboEntry.MINUTES);
        if (since != null) {
            c = c.and("modified").gte(since);
        }
        Query q = Query.query(c);
        long total = mongo.count(q, AlboEntry.class);
        List<AlboEntry> entries = mongo.find(q.with(Sort.by(Sort.Order.asc("modified"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size), AlboEntry.class);
        return new Page(entries, page, size, total);
    }

    /** Every sitting of a body, published or not, by date: the convened sittings of its calendar. */
    public List<AlboEntry> sittings(String bodyId) {
        return mongo.find(Query.query(Criteria.where("bodyId").is(bodyId).and("type").is(AlboEntry.MINUTES))
                .with(Sort.by("date")), AlboEntry.class);
    }

    public record Page(List<AlboEntry> entries, int page, int size, long total) {
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), AlboEntry.class);
    }
}
