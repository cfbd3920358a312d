package it.registro.app.store.engine;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import it.registro.app.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of the sequenced engine, on the embedded server it must run on. Each test has its own
 * in-memory server; "two application contexts" are two engines on two clients of the same server.
 */
class SequencedEventStorageEngineTest {

    record ThingHappened(String thing, int n) {
    }

    private MongoServer server;
    private String uri;
    private final List<MongoClient> clients = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        uri = server.bindAndGetConnectionString();
    }

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }

    private MongoClient client() {
        MongoClient client = MongoClients.create(uri);
        clients.add(client);
        return client;
    }

    private SequencedEventStorageEngine engine() {
        return engine(client(), 1000);
    }

    private SequencedEventStorageEngine engine(MongoClient client, int batchSize) {
        SequencedEventStorageEngine engine = SequencedEventStorageEngine.builder()
                .database(client.getDatabase("test"))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .batchSize(batchSize)
                .gapTimeout(Duration.ofSeconds(10))
                .clock(clock)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    private static DomainEventMessage<ThingHappened> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Thing", aggregate, sequence, new ThingHappened(aggregate, (int) sequence));
    }

    /** Everything a processor starting at {@code token} would receive now. */
    private static List<TrackedEventMessage<?>> readAll(SequencedEventStorageEngine engine, TrackingToken token) {
        return engine.readEvents(token, false).collect(Collectors.toList());
    }

    private static List<String> labels(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(e -> {
            ThingHappened t = (ThingHappened) e.getPayload();
            return t.thing() + "/" + t.n();
        }).toList();
    }

    private static GapAwareTrackingToken lastToken(List<? extends TrackedEventMessage<?>> events) {
        return (GapAwareTrackingToken) events.get(events.size() - 1).trackingToken();
    }

    @Test
    @DisplayName("processors replaying together read a settled event from the store once; fresh events always from the store")
    void settledEventsAreReadOnceForAllReaders() {
        List<Long> asked = java.util.Collections.synchronizedList(new ArrayList<>());
        MongoClient counting = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(uri))
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        if (event.getCommandName().equals("find") && event.getCommand().getString("find").getValue().equals("events")) {
                            event.getCommand().getDocument("filter").getDocument("_id").getArray("$in")
                                    .forEach(n -> asked.add(n.asNumber().longValue()));
                        }
                    }
                }).build());
        clients.add(counting);
        SequencedEventStorageEngine engine = engine(counting, 1000);
        for (int i = 0; i < 50; i++) {
            engine.appendEvents(event("settled-" + i, 0));
        }
        clock.advance(Duration.ofSeconds(11));

        List<TrackedEventMessage<?>> first = readAll(engine, null);
        long stored = lastToken(first).getIndex();
        assertThat(asked).as("the first reader reads them from the store").contains(1L, stored);
        asked.clear();
        List<TrackedEventMessage<?>> second = readAll(engine, null);

        assertThat(first).hasSize(50);
        assertThat(labels(second)).containsExactlyElementsOf(labels(first));
        assertThat(asked).as("the second reader is served from memory (it only looks past the last event)")
                .allMatch(n -> n > stored);

        engine.appendEvents(event("fresh", 0));
        asked.clear();
        assertThat(labels(readAll(engine, lastToken(first)))).containsExactly("fresh/0");
        assertThat(labels(readAll(engine, lastToken(first)))).containsExactly("fresh/0");
        assertThat(asked.stream().filter(n -> n == stored + 1).count())
                .as("an event younger than the gap timeout is read from the store each time").isEqualTo(2);
    }

    @Test
    @DisplayName("numbers come from blocks: one counter round trip per 32 appends; a block left unused is closed by the timeout")
    void numbersComeFromBlocks() {
        java.util.concurrent.atomic.AtomicInteger reservations = new java.util.concurrent.atomic.AtomicInteger();
        MongoClient counting = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(uri))
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        if (event.getCommandName().equalsIgnoreCase("findAndModify")) {
                            reservations.incrementAndGet();
                        }
                    }
                }).build());
        clients.add(counting);
        SequencedEventStorageEngine engine = engine(counting, 1000);
        for (int i = 0; i < 64; i++) {
            engine.appendEvents(event("block-" + i, 0));
        }
        assertThat(reservations.get()).isEqualTo(2);
        List<TrackedEventMessage<?>> all = readAll(engine, null);
        assertThat(all).hasSize(64);
        assertThat(lastToken(all).getGaps()).isEmpty();

        // Another instance takes a block, appends once and stops: the rest of its block lies below what
        // this one appends next, a gap until the timeout closes it; nothing is skipped or blocked.
        SequencedEventStorageEngine stopped = engine();
        stopped.appendEvents(event("stopped", 0));
        engine.appendEvents(event("block-64", 0));
        engine.appendEvents(event("block-65", 0));
        List<TrackedEventMessage<?>> next = readAll(engine, lastToken(all));
        assertThat(labels(next)).containsExactly("stopped/0", "block-64/0", "block-65/0");
        assertThat(lastToken(next).getGaps()).hasSize(31);
        clock.advance(Duration.ofSeconds(11));
        engine.appendEvents(event("block-66", 0));
        List<TrackedEventMessage<?>> later = readAll(engine, lastToken(next));
        assertThat(labels(later)).containsExactly("block-66/0");
        assertThat(lastToken(later).getGaps()).isEmpty();
    }

    @Test
    @DisplayName("an aggregate's events come back in order, from any sequence, and only its own")
    void appendAndReadPerAggregate() {
        SequencedEventStorageEngine engine = engine();
        engine.appendEvents(event("a", 0), event("b", 0));
        engine.appendEvents(event("a", 1));
        engine.appendEvents(event("b", 1), event("a", 2));

        assertThat(engine.readEvents("a").asStream().map(e -> ((ThingHappened) e.getPayload()).n()))
                .containsExactly(0, 1, 2);
        assertThat(engine.readEvents("a", 1).asStream().map(DomainEventMessage::getSequenceNumber)).containsExactly(1L, 2L);
        assertThat(engine.readEvents("b").asStream().map(DomainEventMessage::getAggregateIdentifier))
                .containsExactly("b", "b");
        assertThat(engine.readEvents("nobody").hasNext()).isFalse();
        assertThat(engine.lastSequenceNumberFor("a")).contains(2L);
        assertThat(engine.lastSequenceNumberFor("nobody")).isEmpty();
    }

    @Test
    @DisplayName("a long aggregate is read completely across growing batches")
    void longAggregate() {
        SequencedEventStorageEngine engine = engine();
        for (int s = 0; s < 700; s++) {
            engine.appendEvents(event("long", s));
        }
        assertThat(engine.readEvents("long").asStream().map(DomainEventMessage::getSequenceNumber).toList())
                .hasSize(700).isSorted().startsWith(0L).endsWith(699L);
    }

    @Test
    @DisplayName("tracking delivers every event once, in the order of the global sequence, across batches")
    void globalOrder() {
        SequencedEventStorageEngine engine = engine(client(), 7);
        List<String> appended = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            engine.appendEvents(event("agg-" + (i % 4), i / 4));
            appended.add("agg-" + (i % 4) + "/" + (i / 4));
        }
        List<TrackedEventMessage<?>> seen = new ArrayList<>();
        TrackingToken token = null;
        for (List<TrackedEventMessage<?>> batch = readAll(engine, token); !batch.isEmpty(); batch = readAll(engine, token)) {
            seen.addAll(batch);
            token = lastToken(batch);
        }
        assertThat(labels(seen)).containsExactlyElementsOf(appended);
        List<Long> positions = seen.stream().map(e -> e.trackingToken().position().orElseThrow()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(lastToken(seen).getGaps()).isEmpty();
    }

    @Test
    @DisplayName("two writers on the same aggregates: exactly one wins each sequence number, nothing lost or doubled")
    void concurrentWritersOneWinner() throws Exception {
        SequencedEventStorageEngine first = engine(client(), 1000);
        SequencedEventStorageEngine second = engine(client(), 1000);
        int aggregates = 20;
        int sequences = 10;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> attempts = new ArrayList<>();
        try {
            for (int s = 0; s < sequences; s++) {
                for (int a = 0; a < aggregates; a++) {
                    CountDownLatch start = new CountDownLatch(1);
                    String aggregate = "race-" + a;
                    long sequence = s;
                    Callable<Boolean> viaFirst = () -> tryAppend(first, start, aggregate, sequence, "first");
                    Callable<Boolean> viaSecond = () -> tryAppend(second, start, aggregate, sequence, "second");
                    Future<Boolean> one = pool.submit(viaFirst);
                    Future<Boolean> two = pool.submit(viaSecond);
                    start.countDown();
                    attempts.add(one);
                    attempts.add(two);
                    // one winner per (aggregate, sequence) before the next sequence is raced
                    assertThat(one.get() ^ two.get()).as("exactly one of the two appends of %s/%d succeeds", aggregate, s)
                            .isTrue();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        long winners = attempts.stream().filter(f -> {
            try {
                return f.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertThat(winners).isEqualTo((long) aggregates * sequences);

        for (int a = 0; a < aggregates; a++) {
            assertThat(first.readEvents("race-" + a).asStream().map(DomainEventMessage::getSequenceNumber))
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        }
        // The tracking side sees each stored event once; the losers' numbers were closed as tombstones.
        List<TrackedEventMessage<?>> tracked = readAll(first, null);
        assertThat(tracked).hasSize(aggregates * sequences);
        assertThat(tracked.stream().map(TrackedEventMessage::getIdentifier).collect(Collectors.toSet()))
                .hasSize(aggregates * sequences);
        // Two processes on the embedded server can be handed the same number (its $inc is not atomic
        // across clients): one of them appends again, and the number skipped is a gap until the timeout.
        clock.advance(Duration.ofSeconds(11));
        assertThat(readAll(first, lastToken(tracked))).isEmpty();
        first.appendEvents(event("race-0", 10));
        List<TrackedEventMessage<?>> after = readAll(first, lastToken(tracked));
        assertThat(labels(after)).containsExactly("race-0/10");
        // Numbers the other process reserved and has not used are gaps below this event until the timeout.
        clock.advance(Duration.ofSeconds(11));
        first.appendEvents(event("race-0", 11));
        List<TrackedEventMessage<?>> last = readAll(first, lastToken(after));
        assertThat(labels(last)).containsExactly("race-0/11");
        assertThat(lastToken(last).getGaps()).isEmpty();
    }

    private static boolean tryAppend(SequencedEventStorageEngine engine, CountDownLatch start, String aggregate,
                                     long sequence, String writer) throws InterruptedException {
        start.await();
        try {
            engine.appendEvents(new GenericDomainEventMessage<>("Thing", aggregate, sequence,
                    new ThingHappened(writer, (int) sequence)));
            return true;
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            return false;
        }
    }

    @Test
    @DisplayName("a failed append (conflict) leaves no open gap and no half of its unit of work")
    void failedAppendClosesItsNumbers() {
        SequencedEventStorageEngine engine = engine();
        engine.appendEvents(event("x", 0), event("x", 1));
        // a unit of work touching y (new) then x at a taken sequence: the whole of it must fail
        assertThatThrownBy(() -> engine.appendEvents(event("y", 0), event("x", 1)))
                .isInstanceOf(ConcurrencyException.class);
        engine.appendEvents(event("x", 2));

        assertThat(engine.readEvents("y").hasNext()).as("the first half of the failed unit of work").isFalse();
        List<TrackedEventMessage<?>> tracked = readAll(engine, null);
        assertThat(labels(tracked)).containsExactly("x/0", "x/1", "x/2");
        assertThat(lastToken(tracked).getGaps()).isEmpty();
        assertThat(lastToken(tracked).getIndex()).isEqualTo(5);
    }

    /**
     * Holds the engine's next group writer inside its insert while {@code callers} append from their own threads,
     * one after another in the order given, each waiting for the writer's lock; then lets the writer go. What each
     * caller's thread was told (its last position, or its exception) is returned in the same order.
     */
    private List<Object> appendWhileAGroupIsWritten(SequencedEventStorageEngine engine, List<List<DomainEventMessage<?>>> callers)
            throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        engine.beforeInsert(range -> {
            engine.beforeInsert(r -> { });
            writing.countDown();
            awaitUninterruptibly(release);
        });
        ExecutorService threads = Executors.newFixedThreadPool(callers.size() + 1);
        try {
            Future<?> holder = threads.submit(() -> engine.appendEvents(event("holder", 0)));
            writing.await();
            List<Future<Object>> told = new ArrayList<>();
            for (List<DomainEventMessage<?>> caller : callers) {
                int queuedBefore = engine.waitingAppends();
                told.add(threads.submit(() -> {
                    try {
                        org.axonframework.eventsourcing.eventstore.EventStorageEngine storage = engine;
                        storage.appendEvents(caller);
                        return (Object) AppendedPosition.last();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
                // queued in this order: the next caller is started only once this one waits for the group
                while (engine.waitingAppends() == queuedBefore) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
            }
            release.countDown();
            holder.get();
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : told) {
                out.add(f.get());
            }
            return out;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("appends that arrive while a group is being written go together in the next insert, each with its own numbers")
    void groupCommit() throws Exception {
        SequencedEventStorageEngine engine = engine();
        List<Object> told = appendWhileAGroupIsWritten(engine, List.of(
                List.of(event("a", 0), event("a", 1)), List.of(event("b", 0)), List.of(event("c", 0), event("c", 1), event("c", 2))));

        assertThat(told).as("each caller learns where its own events landed").containsExactly(3L, 4L, 7L);
        List<Document> stored = client().getDatabase("test").getCollection("events").find().sort(new Document("_id", 1)).into(new ArrayList<>());
        assertThat(stored).extracting(d -> d.getString("aggregateKey"))
                .containsExactly("holder:0", "a:0", "a:1", "b:0", "c:0", "c:1", "c:2");
        assertThat(stored).extracting(d -> d.getLong("commitLast")).as("one insert for the three callers after the first")
                .containsExactly(1L, 7L, 7L, 7L, 7L, 7L, 7L);
        List<TrackedEventMessage<?>> tracked = readAll(engine, null);
        assertThat(labels(tracked)).containsExactly("holder/0", "a/0", "a/1", "b/0", "c/0", "c/1", "c/2");
        assertThat(lastToken(tracked).getGaps()).isEmpty();
    }

    @Test
    @DisplayName("a refused append in the middle of a group fails alone: the callers before and after it are stored")
    void groupCommitRefusesOneCallerOnly() throws Exception {
        SequencedEventStorageEngine engine = engine();
        engine.appendEvents(event("x", 0), event("x", 1));
        List<Object> told = appendWhileAGroupIsWritten(engine, List.of(
                List.of(event("y", 0)), List.of(event("w", 0), event("x", 1)), List.of(event("z", 0), event("z", 1))));

        assertThat(told.get(0)).isEqualTo(4L);
        assertThat(told.get(1)).as("x/1 is taken: a concurrency conflict, for this caller only").isInstanceOf(ConcurrencyException.class);
        assertThat(told.get(2)).isEqualTo(8L);
        assertThat(engine.readEvents("w").hasNext()).as("the first half of the refused unit of work").isFalse();
        List<TrackedEventMessage<?>> tracked = readAll(engine, null);
        assertThat(labels(tracked)).containsExactly("x/0", "x/1", "holder/0", "y/0", "z/0", "z/1");
        assertThat(lastToken(tracked).getGaps()).as("the refused caller's numbers are closed at once").isEmpty();
        assertThat(engine.readEvents("x").asStream().count()).isEqualTo(2);
    }

    @Test
    @DisplayName("a commit delayed far beyond the gap timeout is delivered, at a later number, never skipped")
    void delayedCommitIsNotSkipped() {
        SequencedEventStorageEngine slow = engine();
        SequencedEventStorageEngine fast = engine();
        SequencedEventStorageEngine reader = engine();
        AtomicReference<List<TrackedEventMessage<?>>> seenDuringPause = new AtomicReference<>();
        AtomicReference<TrackingToken> token = new AtomicReference<>();
        List<TrackedEventMessage<?>> seen = new ArrayList<>();
        slow.beforeInsert(range -> {
            slow.beforeInsert(r -> { });
            // While the slow writer holds number 1, another commits number 2 and a processor reads it.
            fast.appendEvents(event("fast", 0));
            List<TrackedEventMessage<?>> batch = readAll(reader, null);
            seen.addAll(batch);
            token.set(lastToken(batch));
            assertThat(lastToken(batch).getGaps()).as("the in-flight number is kept as a gap").contains(1L);
            // An hour passes (a GC pause, a stuck disk): far beyond the 10 s gap timeout.
            clock.advance(Duration.ofHours(1));
            List<TrackedEventMessage<?>> later = readAll(reader, token.get());
            seenDuringPause.set(later);
        });
        slow.appendEvents(event("slow", 0));

        assertThat(seenDuringPause.get()).isEmpty();
        List<TrackedEventMessage<?>> after = readAll(reader, token.get());
        seen.addAll(after);
        assertThat(labels(seen)).containsExactly("fast/0", "slow/0");
        assertThat(after.get(0).trackingToken().position().getAsLong()).as("appended again, after the fast one")
                .isGreaterThan(seen.get(0).trackingToken().position().getAsLong());
        assertThat(lastToken(after).getGaps()).as("its first number was closed").doesNotContain(1L);
        assertThat(slow.readEvents("slow").asStream().count()).isEqualTo(1);
    }

    @Test
    @DisplayName("numbers reserved by a writer that died become gaps, kept until the timeout, then dropped")
    void abandonedNumbersAreGapsThenDropped() {
        SequencedEventStorageEngine engine = engine();
        engine.appendEvents(event("a", 0));
        // A writer reserves 2 and 3, then dies before inserting.
        engine.beforeInsert(range -> {
            throw new IllegalStateException("writer died");
        });
        assertThatThrownBy(() -> engine.appendEvents(event("dead", 0), event("dead", 1)))
                .hasMessageContaining("writer died");
        engine.beforeInsert(range -> { });
        engine.appendEvents(event("a", 1));

        List<TrackedEventMessage<?>> first = readAll(engine, null);
        assertThat(labels(first)).containsExactly("a/0", "a/1");
        GapAwareTrackingToken token = lastToken(first);
        assertThat(token.getGaps()).containsExactly(2L, 3L);

        clock.advance(Duration.ofSeconds(5));
        engine.appendEvents(event("a", 2));
        List<TrackedEventMessage<?>> second = readAll(engine, token);
        assertThat(labels(second)).containsExactly("a/2");
        assertThat(lastToken(second).getGaps()).as("younger than the timeout: still awaited").containsExactly(2L, 3L);

        clock.advance(Duration.ofSeconds(6));
        engine.appendEvents(event("a", 3));
        List<TrackedEventMessage<?>> third = readAll(engine, lastToken(second));
        assertThat(labels(third)).containsExactly("a/3");
        assertThat(lastToken(third).getGaps()).as("past the timeout: closed and dropped").isEmpty();
    }

    @Test
    @DisplayName("a restarted reader resumes from the token stored in the token store, gaps included")
    void restartResumesFromStoredToken() {
        SequencedEventStorageEngine engine = engine();
        for (int s = 0; s < 5; s++) {
            engine.appendEvents(event("r", s));
        }
        TokenStore tokens = tokenStore(client());
        tokens.initializeTokenSegments("group", 1);
        List<TrackedEventMessage<?>> firstRun = readAll(engine, null);
        GapAwareTrackingToken withGap = GapAwareTrackingToken.newInstance(lastToken(firstRun).getIndex(), List.of(2L));
        tokens.storeToken(withGap, "group", 0);

        engine.appendEvents(event("r", 5));
        // a new "process": new client, new engine, new token store
        MongoClient restarted = client();
        TrackingToken stored = tokenStore(restarted).fetchToken("group", 0);
        assertThat(stored).isEqualTo(withGap);
        List<TrackedEventMessage<?>> resumed = readAll(engine(restarted, 1000), stored);
        assertThat(labels(resumed)).containsExactly("r/1", "r/5");
    }

    private TokenStore tokenStore(MongoClient client) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, "test").build())
                .serializer(serializer)
                .nodeId("this-node")
                .build();
    }

    @Test
    @DisplayName("a reset replays every event as a replay, and the token stays small however long the replay")
    void replayIsClassifiedAndTokenStaysSmall() {
        SequencedEventStorageEngine engine = engine();
        for (int i = 0; i < 3000; i++) {
            engine.appendEvents(event("replay-" + (i % 50), i / 50));
        }
        TrackingToken head = engine.createHeadToken();
        TrackingToken token = ReplayToken.createReplayToken(head, engine.createTailToken());
        int replayed = 0;
        int largest = 0;
        // A processor opens its stream at the lower bound of its token, as the TrackingEventProcessor does.
        for (List<TrackedEventMessage<?>> batch = readAll(engine, WrappedToken.unwrapLowerBound(token)); !batch.isEmpty();
             batch = readAll(engine, WrappedToken.unwrapLowerBound(token))) {
            for (TrackedEventMessage<?> event : batch) {
                token = ((ReplayToken) token).advancedTo(event.trackingToken());
                TrackedEventMessage<?> delivered = new GenericTrackedEventMessage<>(token, event);
                assertThat(ReplayToken.isReplay(delivered)).as("event %s", event.trackingToken()).isTrue();
                replayed++;
                largest = Math.max(largest, serializer.serialize(token, byte[].class).getData().length);
            }
        }
        assertThat(replayed).isEqualTo(3000);
        assertThat(largest).as("serialized token bytes").isLessThan(300);

        // The first event after the reset position ends the replay and is live.
        engine.appendEvents(event("after-reset", 0));
        List<TrackedEventMessage<?>> live = readAll(engine, WrappedToken.unwrapLowerBound(token));
        assertThat(labels(live)).containsExactly("after-reset/0");
        token = ((ReplayToken) token).advancedTo(live.get(0).trackingToken());
        assertThat(ReplayToken.isReplay(new GenericTrackedEventMessage<>(token, live.get(0)))).isFalse();
        assertThat(token).isInstanceOf(GapAwareTrackingToken.class);
    }

    @Test
    @DisplayName("the token store keeps a gap-aware token and a replay token intact (no replay bug)")
    void tokenStoreRoundTrip() {
        TokenStore tokens = tokenStore(client());
        tokens.initializeTokenSegments("group", 1);
        TrackingToken replay = ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(40, List.of(7L, 9L)),
                GapAwareTrackingToken.newInstance(3, List.of()));
        tokens.storeToken(replay, "group", 0);
        assertThat(tokens.fetchToken("group", 0)).isEqualTo(replay);
    }

    @Test
    @DisplayName("snapshots: the highest sequence is kept, and loading starts after it")
    void snapshotsKeepTheHighest() {
        SequencedEventStorageEngine engine = engine();
        for (int s = 0; s < 6; s++) {
            engine.appendEvents(event("snap", s));
        }
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "snap", 4, new ThingHappened("state", 4)));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Thing", "snap", 2, new ThingHappened("older", 2)));
        assertThat(engine.readSnapshot("snap")).hasValueSatisfying(s -> assertThat(s.getSequenceNumber()).isEqualTo(4));
        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore store =
                org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            assertThat(store.readEvents("snap").asStream().map(DomainEventMessage::getSequenceNumber))
                    .as("the snapshot, then the events after it").containsExactly(4L, 5L);
        } finally {
            store.shutDown();
        }
        assertThat(engine.lastSequenceNumberFor("snap")).contains(5L);
    }

    @Test
    @DisplayName("a processor started at the head still receives an append in flight at that moment")
    void headTokenKeepsInFlightNumbers() {
        SequencedEventStorageEngine engine = engine();
        SequencedEventStorageEngine other = engine();
        engine.appendEvents(event("h", 0));
        AtomicReference<TrackingToken> head = new AtomicReference<>();
        engine.beforeInsert(range -> {
            engine.beforeInsert(r -> { });
            other.appendEvents(event("other", 0));
            head.set(other.createHeadToken());
        });
        engine.appendEvents(event("h", 1));
        assertThat(labels(readAll(engine, head.get()))).containsExactly("h/1");
    }

    @Test
    @DisplayName("the events collection holds the fields the audit and the tests read, and no scan-only lookups")
    void documentShape() {
        SequencedEventStorageEngine engine = engine();
        engine.appendEvents(event("shape", 0));
        Document stored = client().getDatabase("test").getCollection("events").find().first();
        assertThat(stored).isNotNull();
        assertThat(stored.get("_id")).isEqualTo(1L);
        assertThat(stored.getString("aggregateKey")).isEqualTo("shape:0");
        assertThat(stored.getString("serializedPayload").getBytes(StandardCharsets.UTF_8)).isNotEmpty();
        Set<String> fields = new HashSet<>(stored.keySet());
        assertThat(fields).contains("aggregateIdentifier", "sequenceNumber", "eventIdentifier", "timeStamp",
                "payloadType", "serializedMetaData", "committedAt", "commitLast");
    }

    @Test
    @DisplayName("a token at an instant starts just before the first event stamped at or after it")
    void tokenAtInstant() {
        SequencedEventStorageEngine engine = engine();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int s = 0; s < 4; s++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Thing", "timed", s, new ThingHappened("timed", s),
                    org.axonframework.messaging.MetaData.emptyInstance(), "timed-" + s, t0.plus(Duration.ofDays(s))));
        }
        TrackingToken token = engine.createTokenAt(t0.plus(Duration.ofHours(36)));
        assertThat(labels(readAll(engine, token))).containsExactly("timed/2", "timed/3");
        assertThat(labels(readAll(engine, engine.createTokenAt(t0.minusSeconds(1))))).hasSize(4);
        assertThat(readAll(engine, engine.createTokenAt(t0.plus(Duration.ofDays(10))))).isEmpty();
    }
}
