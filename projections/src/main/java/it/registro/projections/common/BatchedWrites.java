package it.registro.projections.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * The writes of one batch of events, sent to MongoDB as one bulk write per collection instead of one
 * request per event: a projection that writes a document for every event (the audit trail, persons)
 * otherwise spends a rebuild on round trips.
 * <p>
 * Writes are held only inside a processor's batch and only when {@link #flushOnLastMessage()} is one
 * of its interceptors: the interceptor flushes after the batch's last message, which is before the
 * processor stores its token (at prepare-commit, with no transaction manager), so a failed flush fails
 * the batch and it is delivered again. Anywhere else (a handler called directly, a replay into a scratch
 * database) a write goes out at once. A handler that reads what it may have written earlier in the same
 * batch calls {@link #flush()} first.
 */
public final class BatchedWrites {

    private static final String PENDING = BatchedWrites.class.getName() + ".pending";
    private static final String ENABLED = BatchedWrites.class.getName() + ".enabled";

    private BatchedWrites() {
    }

    /** Queues {@code write} for the current batch, or performs it now when there is no batch to join. */
    public static void write(MongoCollection<Document> collection, WriteModel<Document> write) {
        Map<MongoCollection<Document>, List<WriteModel<Document>>> pending = pending();
        if (pending == null) {
            send(collection, List.of(write));
            return;
        }
        pending.computeIfAbsent(collection, c -> new ArrayList<>()).add(write);
    }

    /**
     * Queues the insert of a document that one event determines entirely: if a document with its
     * {@code _id} is already there (the event was delivered before, or a retried batch wrote it), it
     * is left as it is. An insert costs the embedded server less than an upsert (no query first).
     */
    public static void insertOnce(MongoCollection<Document> collection, Document document) {
        write(collection, new InsertOneModel<>(document));
    }

    /** Sends what the current batch has queued, in order; nothing when it has queued nothing. */
    public static void flush() {
        Map<MongoCollection<Document>, List<WriteModel<Document>>> pending = pending();
        if (pending == null) {
            return;
        }
        for (Map.Entry<MongoCollection<Document>, List<WriteModel<Document>>> entry : pending.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                send(entry.getKey(), entry.getValue());
            }
        }
        pending.clear();
    }

    /**
     * In order, unless every write is an {@link #insertOnce}: then unordered, and a document already
     * present under its {@code _id} is no error. Any other failure is thrown.
     */
    private static void send(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        boolean insertsOnly = writes.stream().allMatch(InsertOneModel.class::isInstance);
        try {
            collection.bulkWrite(writes, new BulkWriteOptions().ordered(!insertsOnly));
        } catch (MongoBulkWriteException e) {
            if (!insertsOnly || !e.getWriteErrors().stream().allMatch(BatchedWrites::alreadyThere)) {
                throw e;
            }
        }
    }

    private static boolean alreadyThere(BulkWriteError error) {
        return ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY
                && error.getMessage() != null && error.getMessage().contains("index: _id_ ");
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

    private static Map<MongoCollection<Document>, List<WriteModel<Document>>> pending() {
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
