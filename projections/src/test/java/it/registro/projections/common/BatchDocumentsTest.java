package it.registro.projections.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inside a batch a document read by id and saved by several events is written once, at the end; every other use of
 * the store in the batch sees what one write per event would have shown; a failed batch writes nothing.
 */
class BatchDocumentsTest {

    /** A read-model document: a count of the events applied to it. */
    static final class Tally {
        @Id
        String id;
        int events;

        Tally(String id, int events) {
            this.id = id;
            this.events = events;
        }
    }

    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private InMemoryMongo mongo;
    private BatchDocuments template;

    @BeforeEach
    void setUp() {
        mongo = new InMemoryMongo(new com.mongodb.event.CommandListener() {
            @Override
            public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                if (!event.getCommandName().equals("hello") && !event.getCommandName().equals("isMaster")) {
                    commands.add(event.getCommandName());
                }
            }
        });
        template = new BatchDocuments(mongo.template().getMongoDatabaseFactory(), mongo.template().getConverter());
        template.save(new Tally("t", 0));
        commands.clear();
    }

    @AfterEach
    void tearDown() {
        mongo.close();
    }

    @Test
    void outsideABatchEverySaveIsWritten() {
        Tally t = template.findById("t", Tally.class);
        t.events++;
        template.save(t);
        assertThat(commands).containsExactly("find", "update");
    }

    @Test
    void aDocumentChangedByEveryEventOfABatchIsReadOnceAndWrittenOnceAtTheEnd() throws Exception {
        List<Integer> storedMeanwhile = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(5);
        var result = batch.executeWithResult(() -> intercepted(batch, message -> {
            Tally t = template.findById("t", Tally.class);
            t.events++;
            template.save(t);
            storedMeanwhile.add(stored());
            return null;
        }));
        assertThat(result.isExceptional()).isFalse();
        assertThat(stored()).isEqualTo(5);
        assertThat(storedMeanwhile).containsExactly(0, 0, 0, 0, 0);
        // the template's one read and one write, between the test's own reads of the store
        assertThat(commands).containsExactly("find", "find", "find", "find", "find", "find", "update", "find");
    }

    @Test
    void aQueryInTheBatchSeesWhatWasSavedBeforeIt() throws Exception {
        List<Integer> seenByQuery = new ArrayList<>();
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(3);
        batch.executeWithResult(() -> intercepted(batch, message -> {
            Tally t = template.findById("t", Tally.class);
            t.events++;
            template.save(t);
            seenByQuery.add(template.find(Query.query(Criteria.where("_id").is("t")), Tally.class).get(0).events);
            return null;
        }));
        assertThat(seenByQuery).containsExactly(1, 2, 3);
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void aFailedBatchWritesNothingOfWhatItKept() {
        BatchingUnitOfWork<EventMessage<?>> batch = batchOf(3);
        var result = batch.executeWithResult(() -> intercepted(batch, message -> {
            Tally t = template.findById("t", Tally.class);
            t.events++;
            template.save(t);
            if (message.getPayload().equals("event-3")) {
                throw new IllegalStateException("the third event fails");
            }
            return null;
        }));
        assertThat(result.isExceptional()).isTrue();
        assertThat(stored()).isZero();
    }

    @Test
    void anIndexIsAskedForOnceAndNotAtAllWhereTheStoreIgnoresIt() {
        var byName = new org.springframework.data.mongodb.core.index.Index().on("events", org.springframework.data.domain.Sort.Direction.ASC);
        template.indexOps(Tally.class).createIndex(byName);
        template.indexOps(Tally.class).createIndex(byName);
        assertThat(commands.stream().filter("createIndexes"::equals)).hasSize(1);

        commands.clear();
        BatchDocuments embedded = new BatchDocuments(mongo.template().getMongoDatabaseFactory(), mongo.template().getConverter(), true);
        embedded.indexOps("other").createIndex(new org.springframework.data.mongodb.core.index.Index().on("a", org.springframework.data.domain.Sort.Direction.ASC));
        assertThat(commands).doesNotContain("createIndexes");
        embedded.indexOps("other").createIndex(new org.springframework.data.mongodb.core.index.Index().on("k", org.springframework.data.domain.Sort.Direction.ASC).unique());
        assertThat(commands).contains("createIndexes");
    }

    /** What the store holds, read past the template. */
    private int stored() {
        Document d = mongo.template().getCollection("tally").find(new Document("_id", "t")).first();
        return d == null ? -1 : d.getInteger("events");
    }

    private static BatchingUnitOfWork<EventMessage<?>> batchOf(int size) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            messages.add(GenericEventMessage.asEventMessage("event-" + i));
        }
        return new BatchingUnitOfWork<>(messages);
    }

    private static Object intercepted(BatchingUnitOfWork<EventMessage<?>> batch, MessageHandler<EventMessage<?>> handler) throws Exception {
        return new DefaultInterceptorChain<>(batch, List.of(BatchedWrites.flushOnLastMessage()), handler).proceed();
    }
}
