package it.registro.projections.common;

import java.util.function.Consumer;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A read-model document that records the sequence number of the last event of its aggregate applied
 * to it, so an event delivered again (a retried batch, a replay over a kept document) changes nothing.
 */
public interface Versioned {

    long getVersion();

    void version(long version);

    /**
     * Applies {@code change} to the document {@code id} and records {@code sequence}, unless the document
     * is absent or has already seen that event.
     */
    static <T extends Versioned> void update(MongoTemplate mongo, Class<T> type, String id, long sequence, Consumer<T> change) {
        T view = mongo.findById(id, type);
        if (view == null || view.getVersion() >= sequence) {
            return;
        }
        change.accept(view);
        view.version(sequence);
        mongo.save(view);
    }

    /**
     * The version the read model shows for the document {@code id} of {@code collection} (its
     * {@code version} field), or -1 when it does not show it yet: one field by id, what read-your-writes
     * waits on, without loading and converting the whole document.
     */
    static long shown(MongoTemplate mongo, String collection, String id) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        byId.fields().include("version");
        Document found = mongo.findOne(byId, Document.class, collection);
        return found == null || found.get("version") == null ? -1L : ((Number) found.get("version")).longValue();
    }
}
