package it.registro.app.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded file store after a crash, simulated by copying its file while writers run (what is in
 * the file at that instant is what a killed process leaves): every write acknowledged before the copy
 * is in it, and it holds a state between whole commands, in the order they were acknowledged.
 */
class GroupCommitBackendTest {

    @TempDir
    Path dir;

    private record Open(MVStore store, GroupCommitBackend backend, MongoServer server, MongoClient client) {

        MongoDatabase db() {
            return client.getDatabase("t");
        }

        /** What {@code kill -9} would leave now: the file as it is, copied to {@code to}. */
        void crashInto(Path to) {
            try {
                java.nio.file.Files.copy(Path.of(store.getFileStore().getFileName()), to);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void close() {
            client.close();
            server.shutdown();
        }
    }

    private Open open(String file) {
        MVStore store = new MVStore.Builder().fileName(dir.resolve(file).toString()).autoCommitDisabled()
                .autoCommitBufferSize(256 * 1024).open();
        GroupCommitBackend backend = new GroupCommitBackend(new H2Backend(store), store, false, 0);
        MongoServer server = new MongoServer(backend);
        String uri = server.bindAndGetConnectionString();
        return new Open(store, backend, server, MongoClients.create(uri));
    }

    @Test
    @DisplayName("an acknowledged write is in the file when the process dies right after the answer")
    void acknowledgedIsDurable() {
        Open first = open("t.mv");
        first.db().getCollection("events").insertOne(new Document("_id", 1).append("what", "registered"));
        first.crashInto(dir.resolve("after.mv"));
        first.close();

        Open second = open("after.mv");
        assertThat(second.db().getCollection("events").find(new Document("_id", 1)).first()).isNotNull();
        second.close();
    }

    @Test
    @DisplayName("under concurrent writers killed at any moment, a later write is never in the file without the earlier ones")
    void fileHoldsWholeCommandsInOrder() throws Exception {
        Open first = open("t.mv");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        int[] ackedUpTo = new int[4];
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                // as a projection does: its documents, then the token that says they are written
                for (int n = 0; !stop.get(); n++) {
                    try {
                        int id = writer * 1_000_000 + n;
                        first.db().getCollection("documents").insertMany(List.of(new Document("_id", id), new Document("_id", -id - 1)));
                        first.db().getCollection("tokens").replaceOne(new Document("_id", writer), new Document("_id", writer).append("upTo", n),
                                new com.mongodb.client.model.ReplaceOptions().upsert(true));
                        synchronized (ackedUpTo) {
                            ackedUpTo[writer] = n;
                        }
                        acknowledged.incrementAndGet();
                    } catch (RuntimeException e) {
                        return; // the store went away under this write
                    }
                }
            });
            t.start();
            writers.add(t);
        }
        while (acknowledged.get() < 400) {
            Thread.sleep(5);
        }
        int[] ackedBefore;
        synchronized (ackedUpTo) {
            ackedBefore = ackedUpTo.clone();
        }
        first.crashInto(dir.resolve("after.mv"));
        stop.set(true);
        for (Thread t : writers) {
            t.join();
        }
        assertThat(first.backend().commits()).isGreaterThan(0);
        first.close();

        Open second = open("after.mv");
        Set<Integer> documents = new HashSet<>();
        second.db().getCollection("documents").find().forEach(d -> documents.add(d.getInteger("_id")));
        for (int w = 0; w < 4; w++) {
            Document token = second.db().getCollection("tokens").find(new Document("_id", w)).first();
            int upTo = token == null ? -1 : token.getInteger("upTo");
            for (int n = 0; n <= upTo; n++) {
                int id = w * 1_000_000 + n;
                assertThat(documents).as("writer %d's token stands at %d: its document %d and its twin are stored", w, upTo, n)
                        .contains(id, -id - 1);
            }
            assertThat(upTo).as("writer %d's token acknowledged before the crash is in the file", w).isGreaterThanOrEqualTo(ackedBefore[w]);
        }
        // a bulk insert is all or nothing in the file
        for (int id : documents) {
            assertThat(documents).contains(id >= 0 ? -id - 1 : -(id + 1));
        }
        second.close();
    }
}
