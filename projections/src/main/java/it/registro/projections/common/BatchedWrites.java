package it.registro.projections.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * The documents of one batch of events, sent to MongoDB as one bulk insert per collection instead of
 * one request per event: a projection that writes a document for every event (the audit trail,
 * persons) otherwise spends a rebuild on round trips. Each document is one that a single event
 * determines entirely, so one already present under its {@code _id} (the event was delivered before,
 * or a retried batch wrote it) is left as it is; any other failure is thrown. An insert costs the
 * embedded server less than an upsert (no query first).
 * <p>
 * Inserts are held only inside a processor's batch and only when {@link #flushOnLastMessage()} is one
 * of its interceptors: the interceptor flushes after the batch's last message, which is before the
 * processor stores its token (at prepare-commit, with no transaction manager), so a failed flush fails
 * the batch and it is delivered again. Anywhere else (a handler called directly, a replay into a scratch
 * database) an insert goes out at once. A handler that reads what it may have written earlier in the
 * same batch calls {@link #flush()} first.
 */
public final class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName() + ".pending";
    private static final String ENABLED = BatchedWrites.class.getName() + ".enabled";
    private static final String DOCUMENTS = BatchedWrites.class.getName() + ".documents";

    private BatchedWrites() {
    }

    /** Queues the insert of {@code document} for the current batch, or inserts it now when there is no batch to join. */
    public static void insertOnce(MongoCollection<Document> collection, Document document) {
        Map<String, Pending> pending = pending();
        if (pending == null) {
            insert(collection, List.of(document));
            return;
        }
        of(pending, collection).inserts.add(document);
    }

    /**
     * What a batch holds for one collection. Keyed by the collection's name, not by the {@code MongoCollection}
     * object: a projection asks the template for its collection at every event, and each answer is a new object
     * (without equals), so keying by the object gave every event a write of its own.
     */
    private static final class Pending {
        final MongoCollection<Document> collection;
        final List<Document> inserts = new ArrayList<>();
        final Map<String, Document> updates = new LinkedHashMap<>();

        Pending(MongoCollection<Document> collection) {
            this.collection = collection;
        }
    }

    private static Pending of(Map<String, Pending> pending, MongoCollection<Document> collection) {
        return pending.computeIfAbsent(collection.getNamespace().getFullName(), k -> new Pending(collection));
    }

    /**
     * Queues an idempotent upsert of the document {@code id}: {@code $set} of {@code fields} and {@code $max} of
     * {@code maxima}. Updates of one document in one batch are merged into one, so a batch that touches a document
     * a hundred times writes it once; they go out after the batch's inserts. Only for updates that give the same
     * document however often they are applied.
     */
    public static void upsert(MongoCollection<Document> collection, String id, Map<String, Object> fields, Map<String, Long> maxima) {
        Map<String, Pending> pending = pending();
        Map<String, Document> updates = pending == null ? new LinkedHashMap<>() : of(pending, collection).updates;
        Document update = updates.computeIfAbsent(id, k -> new Document("$set", new Document()).append("$max", new Document()));
        update.get("$set", Document.class).putAll(fields);
        Document max = update.get("$max", Document.class);
        maxima.forEach((k, v) -> max.merge(k, v, (a, b) -> Math.max((Long) a, (Long) b)));
        if (pending == null) {
            update(collection, updates);
        }
    }

    /** Sends what the current batch has queued; nothing when it has queued nothing. */
    public static void flush() {
        Map<String, Pending> pending = pending();
        if (pending == null) {
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Object documents = root.getResource(DOCUMENTS);
        if (documents instanceof Map<?, ?> byTemplate) {
            byTemplate.forEach((template, held) -> ((BatchDocuments) template).written((BatchDocuments.Held) held));
        }
        for (Pending p : pending.values()) {
            if (!p.inserts.isEmpty()) {
                insert(p.collection, p.inserts);
            }
        }
        for (Pending p : pending.values()) {
            update(p.collection, p.updates);
        }
        pending.clear();
    }

    private static void update(MongoCollection<Document> collection, Map<String, Document> updates) {
        if (updates.isEmpty()) {
            return;
        }
        List<UpdateOneModel<Document>> models = new ArrayList<>(updates.size());
        updates.forEach((id, update) -> {
            Document u = new Document();
            update.forEach((op, fields) -> {
                if (!((Document) fields).isEmpty()) {
                    u.append(op, fields);
                }
            });
            models.add(new UpdateOneModel<>(new Document("_id", id), u, new UpdateOptions().upsert(true)));
        });
        collection.bulkWrite(models, new BulkWriteOptions().ordered(false));
    }

    /** Unordered: a document already present under its {@code _id} stops nothing and is no error. */
    private static void insert(MongoCollection<Document> collection, List<Document> documents) {
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().allMatch(error -> DuplicateKeys.on(error, "_id_"))) {
                return;
            }
            // a document redelivered after a crash may collide first on another unique key of the same document (the
            // audit trail's aggregate:sequence): it is a redelivery when a document with its _id is already there
            List<Object> ids = new ArrayList<>();
            for (var error : e.getWriteErrors()) {
                if (error.getCode() != 11000) {
                    throw e;
                }
                ids.add(documents.get(error.getIndex()).get("_id"));
            }
            if (collection.countDocuments(new Document("_id", new Document("$in", ids))) != ids.size()) {
                throw e;
            }
        }
    }

    /** The processor interceptor that enables batching and flushes after the last message of each batch. */
    public static MessageHandlerInterceptor<EventMessage<?>> flushOnLastMessage() {
        return (unitOfWork, chain) -> {
            UnitOfWork<?> root = unitOfWork.root();
            root.resources().put(ENABLED, Boolean.TRUE);
            Object result = chain.proceed();
            if (!(root instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                flush();
            }
            return result;
        };
    }

    /**
     * A collection to queue writes on: from a {@link BatchDocuments} template without first writing its pending
     * documents (queued writes go out after them, at the end of the batch).
     */
    public static MongoCollection<Document> collection(org.springframework.data.mongodb.core.MongoTemplate mongo, String name) {
        return mongo instanceof BatchDocuments batch ? batch.forQueuedWrites(name) : mongo.getCollection(name);
    }

    /** The documents {@code template} keeps for the current batch, or null outside a batch. */
    @SuppressWarnings("unchecked")
    static BatchDocuments.Held held(BatchDocuments template) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!Boolean.TRUE.equals(root.getResource(ENABLED))) {
            return null;
        }
        Map<BatchDocuments, BatchDocuments.Held> all = root.getOrComputeResource(DOCUMENTS, k -> new java.util.IdentityHashMap<>());
        return all.computeIfAbsent(template, t -> new BatchDocuments.Held());
    }

    private static Map<String, Pending> pending() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!Boolean.TRUE.equals(root.getResource(ENABLED))) {
            return null;
        }
        return root.getOrComputeResource(PENDING, k -> new LinkedHashMap<>());
    }
}
