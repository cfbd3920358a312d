package it.registro.projections.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import it.registro.domain.act.api.ActDocumentAttached;
import it.registro.domain.document.api.StoredDocument;
import it.registro.domain.session.api.MinutesPublished;
import it.registro.domain.session.api.SessionDocumentAttached;

/**
 * Every stored file the events name, by its id: which session or act it belongs to, the hash the event
 * recorded, and the event that recorded it (so that verification can check the hash against the event's
 * stored bytes, which the ledger signs). Read by exact key; verification pages through it by id.
 */
@Component
@ProcessingGroup(DocumentIndex.PROCESSING_GROUP)
public class DocumentIndex {

    public static final String PROCESSING_GROUP = "documents";

    /** {@code kind}: SESSION, ACT, or MINUTES (the published verbale). */
    @Document("document_index")
    public record Entry(@Id String documentId, String kind, String ownerId, String attachmentId, Integer itemNo, String title,
                        String fileName, String mediaType, long size, String sha256, String uploadedBy, String eventId,
                        Instant recordedAt) {
    }

    private final MongoTemplate mongo;

    public DocumentIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(SessionDocumentAttached e, EventMessage<?> message, @Timestamp Instant at) {
        save("SESSION", e.sessionId(), e.attachmentId(), e.itemNo(), e.title(), e.document(), e.uploadedBy(), message, at);
    }

    @EventHandler
    void on(ActDocumentAttached e, EventMessage<?> message, @Timestamp Instant at) {
        save("ACT", e.actId(), e.attachmentId(), null, e.title(), e.document(), e.uploadedBy(), message, at);
    }

    @EventHandler
    void on(MinutesPublished e, EventMessage<?> message, @Timestamp Instant at) {
        if (e.pdf() != null) {
            save("MINUTES", e.sessionId(), null, null, "Verbale", e.pdf(), null, message, at);
        }
    }

    private void save(String kind, String owner, String attachmentId, Integer itemNo, String title, StoredDocument d, String uploadedBy,
                      EventMessage<?> message, Instant at) {
        // idempotent: a redelivered event writes the same entry again
        mongo.save(new Entry(d.documentId(), kind, owner, attachmentId, itemNo, title, d.fileName(), d.mediaType(), d.size(),
                d.sha256(), uploadedBy, message.getIdentifier(), at));
    }

    public Optional<Entry> find(String documentId) {
        return Optional.ofNullable(mongo.findById(documentId, Entry.class));
    }

    /** Every entry once, a page at a time by id. */
    public void forEachPage(int pageSize, Consumer<List<Entry>> page) {
        String after = null;
        while (true) {
            Query q = (after == null ? new Query() : Query.query(Criteria.where("_id").gt(after)))
                    .with(Sort.by("_id")).limit(pageSize);
            List<Entry> entries = mongo.find(q, Entry.class);
            if (entries.isEmpty()) {
                return;
            }
            page.accept(entries);
            after = entries.get(entries.size() - 1).documentId();
        }
    }

    public long count() {
        return mongo.count(new Query(), Entry.class);
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), Entry.class);
    }
}
