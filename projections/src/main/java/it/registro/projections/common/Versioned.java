package it.registro.projections.common;

import java.util.function.Consumer;

import org.springframework.data.mongodb.core.MongoTemplate;

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
}
