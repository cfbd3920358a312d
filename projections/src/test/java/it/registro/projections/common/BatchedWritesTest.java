package it.registro.projections.common;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batch's writes reach MongoDB together after its last message, before anything could commit it. */
class BatchedWritesTest {

    private InMemoryMongo mongo;
    private MongoCollection<Document> collection;

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo();
        collection = mongo.template().getCollection("batched");
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void outsideABatchAWriteGoesOutAtOnce() {
        BatchedWrites.insertOnce(collection, new Document("_id", "a"));
        assertThat(collection.countDocuments()).isEqualTo(1);
    }

    @Test
    void insideABatchNothingIsWrittenBeforeTheLastMessageAndEverythingAfterIt() throws Exception {
        List<Long> seenBefore = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(3);
        batch.executeWithResult(() -> intercepted(batch, message -> {
            seenBefore.add(collection.countDocuments());
            BatchedWrites.insertOnce(collection, new Document("_id", message.getPayload()));
            return null;
        }));
        assertThat(seenBefore).containsExactly(0L, 0L, 0L);
        assertThat(collection.countDocuments()).isEqualTo(3);
    }

    @Test
    void aFlushInsideTheBatchMakesEarlierWritesReadable() throws Exception {
        List<Long> seen = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(2);
        batch.executeWithResult(() -> intercepted(batch, message -> {
            BatchedWrites.flush();
            seen.add(collection.countDocuments());
            BatchedWrites.insertOnce(collection, new Document("_id", message.getPayload()));
            return null;
        }));
        assertThat(seen).containsExactly(0L, 1L);
        assertThat(collection.countDocuments()).isEqualTo(2);
    }

    @Test
    void aFailedFlushFailsTheBatch() {
        collection.createIndex(new Document("k", 1), new com.mongodb.client.model.IndexOptions().unique(true));
        collection.insertOne(new Document("_id", "other").append("k", "event-1"));
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(2);
        var result = batch.executeWithResult(() -> intercepted(batch, message -> {
            BatchedWrites.insertOnce(collection, new Document("_id", message.getPayload()).append("k", message.getPayload()));
            return null;
        }));
        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(MongoBulkWriteException.class);
        assertThatThrownBy(() -> { throw result.exceptionResult(); }).hasMessageContaining("duplicate key");
    }

    @Test
    void aDocumentInsertedOnceIsLeftAsItIsWhenItsEventComesAgain() throws Exception {
        collection.insertOne(new Document("_id", "event-1").append("v", "first"));
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(2);
        batch.executeWithResult(() -> intercepted(batch, message -> {
            BatchedWrites.insertOnce(collection, new Document("_id", message.getPayload()).append("v", "again"));
            return null;
        }));
        assertThat(collection.find(new Document("_id", "event-1")).first().getString("v")).isEqualTo("first");
        assertThat(collection.find(new Document("_id", "event-2")).first().getString("v")).isEqualTo("again");
        // and outside a batch too
        BatchedWrites.insertOnce(collection, new Document("_id", "event-2").append("v", "third"));
        assertThat(collection.find(new Document("_id", "event-2")).first().getString("v")).isEqualTo("again");
    }

    @Test
    void withoutTheInterceptorABatchDoesNotHoldWrites() throws Exception {
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(2);
        List<Long> seen = new ArrayList<>();
        batch.executeWithResult(() -> {
            BatchedWrites.insertOnce(collection, new Document("_id", batch.getMessage().getPayload()));
            seen.add(collection.countDocuments());
            return null;
        });
        assertThat(seen).containsExactly(1L, 2L);
    }

    @Test
    void updatesOfOneDocumentInABatchBecomeOneWriteAfterTheInsertsAndGiveTheSameDocumentWhenRepeated() throws Exception {
        MongoCollection<Document> keys = mongo.template().getCollection("keys");
        List<Long> seenBefore = new ArrayList<>();
        for (int round = 0; round < 2; round++) {   // the batch delivered again: the same document
            BatchingUnitOfWork<EventMessage<?>> batch = batchOf(3);
            batch.executeWithResult(() -> intercepted(batch, message -> {
                seenBefore.add(keys.countDocuments());
                String event = (String) message.getPayload();
                BatchedWrites.upsert(keys, "k", java.util.Map.of("e." + event, event.length()), java.util.Map.of("last", (long) event.hashCode() % 7));
                return null;
            }));
        }
        assertThat(seenBefore).containsExactly(0L, 0L, 0L, 1L, 1L, 1L);
        Document k = keys.find(new Document("_id", "k")).first();
        assertThat(k.get("e", Document.class)).containsOnlyKeys("event-1", "event-2", "event-3");
        assertThat(k.get("last")).isEqualTo(java.util.stream.Stream.of("event-1", "event-2", "event-3")
                .mapToLong(e -> (long) e.hashCode() % 7).max().orElseThrow());
    }

    @Test
    void aBatchWritesEachCollectionOnceThoughItsHandlersAskForTheCollectionAnewAtEveryEvent() throws Exception {
        List<String> commands = java.util.Collections.synchronizedList(new ArrayList<>());
        try (InMemoryMongo counted = new InMemoryMongo(new com.mongodb.event.CommandListener() {
            @Override
            public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                commands.add(event.getCommandName());
            }
        })) {
            BatchingUnitOfWork<EventMessage<?>> batch = batchOf(5);
            batch.executeWithResult(() -> intercepted(batch, message -> {
                String event = (String) message.getPayload();
                // as a projection does: the template gives a new MongoCollection object each time
                BatchedWrites.insertOnce(counted.template().getCollection("entries"), new Document("_id", event));
                BatchedWrites.upsert(counted.template().getCollection("keys"), "k", java.util.Map.of("e." + event, 1), java.util.Map.of());
                return null;
            }));
            assertThat(commands).containsExactly("insert", "update");
            assertThat(counted.template().getCollection("entries").countDocuments()).isEqualTo(5);
            assertThat(counted.template().getCollection("keys").find().first().get("e", Document.class)).hasSize(5);
        }
    }

    @Test
    void aRedeliveredDocumentThatCollidesFirstOnAnotherUniqueKeyOfItsOwnIsNoError() throws Exception {
        collection.createIndex(new Document("k", 1), new com.mongodb.client.model.IndexOptions().unique(true).sparse(true));
        collection.insertOne(new Document("_id", "event-1").append("k", "a:0"));
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(2);
        var result = batch.executeWithResult(() -> intercepted(batch, message -> {
            String event = (String) message.getPayload();
            BatchedWrites.insertOnce(collection, new Document("_id", event).append("k", event.equals("event-1") ? "a:0" : "a:1"));
            return null;
        }));
        assertThat(result.isExceptional()).isFalse();
        assertThat(collection.countDocuments()).isEqualTo(2);
        // another document taking a key that is not its own is still an error
        BatchingUnitOfWork<EventMessage<?>> clash = batchOf(1);
        var refused = clash.executeWithResult(() -> intercepted(clash, message -> {
            BatchedWrites.insertOnce(collection, new Document("_id", "other").append("k", "a:0"));
            return null;
        }));
        assertThat(refused.isExceptional()).isTrue();
    }

    private static BatchingUnitOfWork<EventMessage<?>> batchOf(int size) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            messages.add(GenericEventMessage.asEventMessage("event-" + i));
        }
        return new BatchingUnitOfWork<>(messages);
    }

    private static Object intercepted(BatchingUnitOfWork<EventMessage<?>> batch,
                                      MessageHandler<EventMessage<?>> handler) throws Exception {
        return new DefaultInterceptorChain<>(batch, List.of(BatchedWrites.flushOnLastMessage()), handler).proceed();
    }
}
