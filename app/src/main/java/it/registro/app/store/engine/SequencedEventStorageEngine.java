package it.registro.app.store.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import it.registro.projections.common.DuplicateKeys;

import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;

/**
 * An Axon event storage engine on MongoDB that numbers every event with a strictly increasing global
 * sequence and tracks with Axon's {@link GapAwareTrackingToken}, as Axon's JDBC engine does, so a
 * streaming processor never depends on clocks and its token stays small.
 * <p>
 * Every read is an exact-key lookup: the global sequence is the document's {@code _id}, and an
 * aggregate's events are found by the unique key {@code aggregateKey = aggregateId + ":" + sequence}.
 * Both are served by an index on a real MongoDB and, measured, without a scan on the embedded server
 * (which ignores range queries on indexes). Tracking asks for the token's gaps plus the next batch of
 * numbers with one {@code $in}; loading an aggregate asks for its next keys with one {@code $in}.
 * <p>
 * Numbers are reserved from a counter document just before the insert. A number that is reserved but
 * never inserted (a crashed or long-paused writer) is a gap; a reader that finds a gap older than the
 * gap timeout fills it with a tombstone, and a writer whose number was taken by a tombstone gets a
 * duplicate {@code _id}, reserves new numbers and retries. So a delayed commit lands later in the
 * sequence instead of being skipped, whatever the delay. A writer whose append fails for a concurrency
 * conflict tombstones its own numbers at once.
 */
public class SequencedEventStorageEngine extends BatchingEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(SequencedEventStorageEngine.class);

    static final String ID = "_id";
    static final String AGGREGATE_KEY = "aggregateKey";
    static final String AGGREGATE_ID = "aggregateIdentifier";
    static final String SEQUENCE = "sequenceNumber";
    static final String TYPE = "type";
    static final String EVENT_ID = "eventIdentifier";
    static final String TIMESTAMP = "timeStamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "serializedPayload";
    static final String METADATA = "serializedMetaData";
    static final String COMMITTED_AT = "committedAt";
    /** The last number of the reservation this document was appended with: a reader never tombstones inside it. */
    static final String COMMIT_LAST = "commitLast";
    static final String TOMBSTONE = "tombstone";
    public static final String COUNTER_ID = "events";
    public static final String DEFAULT_EVENTS = "events";
    public static final String DEFAULT_COUNTERS = "eventcounters";
    public static final String DEFAULT_SNAPSHOTS = "eventsnapshots";
    static final String COUNTER_VALUE = "value";

    /** Gaps are never dropped by distance: only a tombstone closes one, so no event can be passed over. */
    private static final int NO_GAP_LIMIT = Integer.MAX_VALUE;
    private static final int MAX_APPEND_ATTEMPTS = 5;
    /** Numbers per {@code $in} query (see findByNumbers). */
    static final int IN_CHUNK = 128;
    /** Documents one group commit takes at most; callers beyond wait for the next group. */
    static final int MAX_GROUP_DOCUMENTS = 1_000;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> snapshots;
    private final Duration gapTimeout;
    private final int aggregateBatchSize;
    private final Clock clock;
    private final SettledEvents settled;
    private final int reserveBlock;
    /** The current block of numbers: the next one to hand out and the last one (guarded by this). */
    private long blockNext = 1;
    private long blockLast = 0;
    /** Callers whose documents wait for the next group commit, and the lock its writer holds. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Append> waiting = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.locks.ReentrantLock appending = new java.util.concurrent.locks.ReentrantLock();
    /** A test seam: runs between the reservation of numbers and their insert (once per group). */
    private volatile Consumer<long[]> beforeInsert = range -> { };

    protected SequencedEventStorageEngine(Builder builder) {
        super(builder);
        MongoDatabase database = builder.database;
        this.events = database.getCollection(builder.eventsCollection);
        this.counters = database.getCollection(builder.countersCollection);
        this.snapshots = database.getCollection(builder.snapshotsCollection);
        this.gapTimeout = builder.gapTimeout;
        this.aggregateBatchSize = builder.aggregateBatchSize;
        this.clock = builder.clock;
        this.settled = new SettledEvents(builder.readCacheSize);
        this.reserveBlock = builder.reserveBlock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The unique indexes that carry correctness: one event per (aggregate, sequence) — the optimistic
     * concurrency guard — and one per event id. {@code _id} (the global sequence) is unique by nature.
     */
    public void ensureIndexes() {
        events.createIndex(new Document(AGGREGATE_KEY, 1), new IndexOptions().unique(true).name("aggregateKey"));
        events.createIndex(new Document(EVENT_ID, 1), new IndexOptions().unique(true).name("eventIdentifier"));
    }

    public String eventsCollectionName() {
        return events.getNamespace().getCollectionName();
    }

    /** Appends queued for the next group commit (a test seam). */
    int waitingAppends() {
        return waiting.size();
    }

    void beforeInsert(Consumer<long[]> hook) {
        this.beforeInsert = hook;
    }

    // ---------------------------------------------------------------- append

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> messages, Serializer serializer) {
        if (messages.isEmpty()) {
            return;
        }
        List<Document> documents = new ArrayList<>(messages.size());
        for (EventMessage<?> message : messages) {
            documents.add(toDocument(asDomainEventMessage(message), serializer));
        }
        chain(documents);
        for (int attempt = 1; ; attempt++) {
            Append append = new Append(documents);
            waiting.add(append);
            appending.lock();
            try {
                while (append.outcome == null) { // a full group may leave it for the next one
                    commitWaiting();
                }
            } finally {
                appending.unlock();
            }
            switch (append.outcome) {
                case STORED -> {
                    AppendedPosition.appended(append.last);
                    return;
                }
                case NUMBER_TAKEN -> {
                    if (attempt < MAX_APPEND_ATTEMPTS) {
                        // A reader declared these numbers abandoned: append again at the head of the sequence.
                        log.warn("Numbers {}..{} were tombstoned while this append was in flight; appending again", append.first, append.last);
                        continue;
                    }
                    handlePersistenceException(append.bulkError, messages.get(append.failedAt));
                    throw new EventStoreException("Cannot append events", append.bulkError);
                }
                case REFUSED -> {
                    handlePersistenceException(append.bulkError, messages.get(append.failedAt));
                    throw new EventStoreException("Cannot append events", append.bulkError);
                }
                default -> throw append.error;
            }
        }
    }

    /** One caller's documents waiting to be appended, and what became of them. */
    private static final class Append {
        final List<Document> documents;
        /** Numbers given to these documents in their group (guarded by the append lock, like the rest). */
        long first;
        long last;
        Outcome outcome;
        MongoBulkWriteException bulkError;
        int failedAt;
        RuntimeException error;

        Append(List<Document> documents) {
            this.documents = documents;
        }
    }

    private enum Outcome { STORED, NUMBER_TAKEN, REFUSED, FAILED }

    /**
     * Group commit: the caller holding the append lock writes, in one ordered {@code insertMany}, its own
     * documents and those of every caller that queued while the previous group was being written; they find
     * their outcome decided when they get the lock. Each caller still gets the outcome a lone append would:
     * its documents have consecutive numbers, and when one of them is refused (the aggregate key of a
     * concurrent writer, a number a reader tombstoned) only that caller's documents are withdrawn — those
     * before it in the group are stored, those after it are inserted next, at the numbers they already have.
     */
    private void commitWaiting() {
        List<Append> group = new ArrayList<>();
        int total = 0;
        for (Append next; total < MAX_GROUP_DOCUMENTS && (next = waiting.poll()) != null; ) {
            group.add(next);
            total += next.documents.size();
        }
        List<Document> all = new ArrayList<>(total);
        try {
            long last = reserve(total);
            long first = last - total + 1;
            beforeInsert.accept(new long[]{first, last});
            Date committedAt = Date.from(clock.instant());
            long g = first;
            for (Append append : group) {
                append.first = g;
                for (Document d : append.documents) {
                    // the group's last number: a reader never tombstones inside an insert still running
                    d.append(ID, g++).append(COMMITTED_AT, committedAt).append(COMMIT_LAST, last);
                    all.add(d);
                }
                append.last = g - 1;
            }
        } catch (RuntimeException e) {
            group.forEach(append -> fail(append, e));
            return;
        }
        try {
            insert(group, all);
        } catch (RuntimeException e) {
            // a withdrawal that failed, say: whoever is not decided yet is told, never left waiting
            group.stream().filter(append -> append.outcome == null).forEach(append -> fail(append, e));
        }
    }

    /** Inserts a group's documents, deciding each member's outcome (see commitWaiting). */
    private void insert(List<Append> group, List<Document> all) {
        int from = 0;
        int member = 0;
        while (member < group.size()) {
            try {
                // Ordered: on the first failure nothing after it is written.
                events.insertMany(all.subList(from, all.size()), new InsertManyOptions().ordered(true));
                for (; member < group.size(); member++) {
                    group.get(member).outcome = Outcome.STORED;
                }
            } catch (MongoBulkWriteException e) {
                int failedAt = from + (e.getWriteErrors().isEmpty() ? 0 : e.getWriteErrors().get(0).getIndex());
                int start = from;
                // the callers wholly before the failing document are stored
                while (start + group.get(member).documents.size() <= failedAt) {
                    start += group.get(member).documents.size();
                    group.get(member++).outcome = Outcome.STORED;
                }
                Append refused = group.get(member++);
                int within = failedAt - start;
                log.debug("Append of {}..{} failed at {}: {}", refused.first, refused.last, within, e.getWriteErrors());
                boolean numberTaken = e.getWriteErrors().stream().anyMatch(SequencedEventStorageEngine::onId);
                withdraw(refused.documents, within, refused.first, refused.last);
                if (numberTaken) {
                    // A reader closed numbers of this block as abandoned: its other numbers may be closed too.
                    dropBlock();
                }
                refused.outcome = numberTaken ? Outcome.NUMBER_TAKEN : Outcome.REFUSED;
                refused.bulkError = e;
                refused.failedAt = within;
                from = start + refused.documents.size();
            } catch (RuntimeException e) {
                for (; member < group.size(); member++) {
                    fail(group.get(member), e);
                }
            }
        }
    }

    private static void fail(Append append, RuntimeException e) {
        append.outcome = Outcome.FAILED;
        append.error = e;
        for (Document document : append.documents) {
            document.remove(ID);
        }
    }

    /**
     * Writes the per-aggregate hash chain into each document, before any number is reserved: the
     * previous chain hash comes from the same batch or from the aggregate's previous event, read by its
     * exact key. A concurrent writer of the same aggregate loses on the aggregate key anyway, so a chain
     * read here cannot be overtaken by an event that is then stored.
     */
    private void chain(List<Document> documents) {
        java.util.Map<String, String> lastInBatch = new java.util.HashMap<>();
        for (Document d : documents) {
            String aggregate = d.getString(AGGREGATE_ID);
            long sequence = ((Number) d.get(SEQUENCE)).longValue();
            String previous = EventChain.NONE;
            String key = aggregateKey(aggregate, sequence - 1);
            if (sequence > 0) {
                if (lastInBatch.containsKey(key)) {
                    previous = lastInBatch.get(key);
                } else {
                    Document before = events.find(new Document(AGGREGATE_KEY, key)).first();
                    if (before != null && before.getString(EventChain.CHAIN) != null) {
                        previous = before.getString(EventChain.CHAIN);
                    }
                }
            }
            String chain = EventChain.next(previous, EventChain.leaf(d));
            d.append(EventChain.CHAIN_PREVIOUS, previous).append(EventChain.CHAIN, chain);
            lastInBatch.put(aggregateKey(aggregate, sequence), chain);
        }
    }

    private static boolean onId(BulkWriteError error) {
        return DuplicateKeys.on(error, "_id_");
    }

    /**
     * Undo a failed ordered insert: without transactions the documents before the failing one are
     * already stored, so they are replaced by tombstones (the unit of work must not half-happen), and
     * the reserved numbers never inserted are tombstoned too, so readers need not wait for them.
     */
    private void withdraw(List<Document> documents, int failedAt, long first, long last) {
        Date now = Date.from(clock.instant());
        for (int i = 0; i < failedAt; i++) {
            log.error("Append failed after {} of {} events; withdrawing event {}", failedAt, documents.size(), first + i);
            events.replaceOne(new Document(ID, first + i).append(EVENT_ID, documents.get(i).getString(EVENT_ID)),
                    tombstone(first + i, now));
        }
        for (long g = first + failedAt; g <= last; g++) {
            tryTombstone(g, now);
        }
        for (Document document : documents) {
            document.remove(ID);
        }
    }

    /**
     * Hands out {@code count} numbers and returns the last. Numbers come from a block reserved from the
     * counter document {@code reserveBlock} at a time, so most appends make no round trip for their
     * number (one was half of a command's store time, measured). Numbers of a block not yet handed out
     * lie above everything this process has written, so no reader takes them for gaps; a block left
     * unused (a restart, another process writing after it) becomes gaps below later events and is
     * closed by the gap timeout like any abandoned number, and a writer that then finds its number
     * taken drops the block and reserves a new one.
     * <p>
     * Serialised within this process: measured, the embedded server's {@code $inc} is not atomic
     * under concurrent clients (two callers can be handed the same value and a number is skipped).
     * Across processes that can still happen there; the duplicate {@code _id} then sends one writer
     * back for new numbers, and the skipped number is a gap that the gap timeout closes. A real
     * MongoDB's findOneAndUpdate is atomic.
     */
    private synchronized long reserve(int count) {
        if (blockLast - blockNext + 1 < count) {
            dropBlock();
            long size = Math.max(count, reserveBlock);
            Document counter = counters.findOneAndUpdate(new Document(ID, COUNTER_ID),
                    new Document("$inc", new Document(COUNTER_VALUE, size)),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            blockLast = ((Number) counter.get(COUNTER_VALUE)).longValue();
            blockNext = blockLast - size + 1;
        }
        long first = blockNext;
        blockNext += count;
        return first + count - 1;
    }

    /** Gives up the rest of the current block, tombstoning it so that readers need not wait for it. */
    private synchronized void dropBlock() {
        Date now = Date.from(clock.instant());
        for (long g = blockNext; g <= blockLast; g++) {
            if (!tryTombstone(g, now)) {
                break; // taken: a reader closed this run already (ascending), or another writer holds it
            }
        }
        blockNext = blockLast + 1;
    }

    /** The highest number reserved so far (0 when nothing was ever appended). */
    long head() {
        Document counter = counters.find(new Document(ID, COUNTER_ID)).first();
        return counter == null ? 0 : ((Number) counter.get(COUNTER_VALUE)).longValue();
    }

    private Document toDocument(DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        if (!EventChain.encodable(payload.getData()) || !EventChain.encodable(metaData.getData())
                || !EventChain.encodable(event.getAggregateIdentifier())) {
            // Refused at the API's door already; here so that no path can store text its hash would not survive.
            throw new IllegalArgumentException("Event " + event.getPayloadType().getSimpleName() + " of " + event.getAggregateIdentifier()
                    + " holds text that is not valid Unicode (a lone surrogate): it would be stored altered");
        }
        return new Document()
                .append(AGGREGATE_KEY, aggregateKey(event.getAggregateIdentifier(), event.getSequenceNumber()))
                .append(AGGREGATE_ID, event.getAggregateIdentifier())
                .append(SEQUENCE, event.getSequenceNumber())
                .append(TYPE, event.getType())
                .append(EVENT_ID, event.getIdentifier())
                .append(TIMESTAMP, event.getTimestamp().toString())
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(METADATA, metaData.getData());
    }

    static String aggregateKey(String aggregateId, long sequence) {
        return aggregateId + ":" + sequence;
    }

    private static Document tombstone(long g, Date now) {
        // Its own aggregate key and event id keep the unique indexes satisfied; no aggregate has this id.
        return new Document(ID, g).append(TOMBSTONE, true).append(COMMITTED_AT, now).append(COMMIT_LAST, g)
                .append(AGGREGATE_KEY, "~tombstone:" + g).append(EVENT_ID, "~tombstone:" + g);
    }

    /** Inserts a tombstone at {@code g}; false if an event (or another tombstone) already holds it. */
    private boolean tryTombstone(long g, Date now) {
        try {
            events.insertOne(tombstone(g, now));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                log.debug("Number {} already taken: {}", g, e.getError().getMessage());
                return false;
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- tracking

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        TrackingToken position = WrappedToken.unwrapLowerBound(lastToken);
        GapAwareTrackingToken token = position == null
                ? GapAwareTrackingToken.newInstance(0, List.of())
                : (GapAwareTrackingToken) position;
        long head = head();
        List<TrackedEventData<?>> result = new ArrayList<>();
        // Loop only while whole batches are tombstones, so a run of abandoned numbers cannot stall a reader.
        while (true) {
            long rangeEnd = Math.min(token.getIndex() + batchSize, head);
            SortedSet<Long> candidates = new TreeSet<>(token.getGaps());
            for (long g = token.getIndex() + 1; g <= rangeEnd; g++) {
                candidates.add(g);
            }
            if (candidates.isEmpty()) {
                return result;
            }
            TreeMap<Long, Document> found = findTracked(candidates);
            SortedSet<Long> missingGaps = new TreeSet<>(token.getGaps());
            missingGaps.removeAll(found.keySet());
            if (!missingGaps.isEmpty()) {
                found.putAll(closeStaleGaps(missingGaps, found));
            }
            long indexBefore = token.getIndex();
            for (Map.Entry<Long, Document> entry : found.entrySet()) {
                token = token.advanceTo(entry.getKey(), NO_GAP_LIMIT);
                Document document = entry.getValue();
                if (!document.getBoolean(TOMBSTONE, false)) {
                    result.add(new TrackedDomainEventData<>(token, domainEntry(document)));
                }
            }
            if (!result.isEmpty() || token.getIndex() == indexBefore) {
                return result;
            }
        }
    }

    /**
     * The documents at these numbers: those settled (committed longer than the gap timeout ago) from the
     * shared cache, the rest from the store. Processors replaying together ask for the same numbers, so
     * a rebuild reads each stored document about once instead of once per processor. Only settled
     * documents are kept: a writer withdraws a failed append within its own call, so a document that old
     * no longer changes; fresh ones are always read from the store.
     */
    private TreeMap<Long, Document> findTracked(Collection<Long> numbers) {
        TreeMap<Long, Document> found = new TreeMap<>();
        List<Long> missing = settled.lookup(numbers, found);
        if (!missing.isEmpty()) {
            TreeMap<Long, Document> read = findByNumbers(missing);
            found.putAll(read);
            settled.keep(read, clock.instant().minus(gapTimeout));
        }
        return found;
    }

    /** A bounded least-recently-used cache of settled event documents by global sequence number. */
    private static final class SettledEvents {
        private final int capacity;
        private final java.util.LinkedHashMap<Long, Document> documents;

        SettledEvents(int capacity) {
            this.capacity = capacity;
            this.documents = new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Document> eldest) {
                    return size() > SettledEvents.this.capacity;
                }
            };
        }

        /** Puts the cached ones into {@code found}; returns the numbers not cached. */
        synchronized List<Long> lookup(Collection<Long> numbers, Map<Long, Document> found) {
            List<Long> missing = new ArrayList<>();
            for (Long g : numbers) {
                Document d = capacity == 0 ? null : documents.get(g);
                if (d == null) {
                    missing.add(g);
                } else {
                    found.put(g, d);
                }
            }
            return missing;
        }

        synchronized void keep(Map<Long, Document> read, Instant settledBefore) {
            if (capacity == 0) {
                return;
            }
            read.forEach((g, d) -> {
                Date committed = d.getDate(COMMITTED_AT);
                if (committed != null && committed.toInstant().isBefore(settledBefore)) {
                    documents.put(g, d);
                }
            });
        }
    }

    /**
     * One {@code $in} per {@value #IN_CHUNK} numbers. The embedded server finds the documents by index
     * but then checks each against the whole {@code $in} list, so a query of n numbers costs n² (a
     * tracking fetch of 1,000 was half the server's time in a rebuild, measured); a real MongoDB just
     * makes a few more round trips.
     */
    private TreeMap<Long, Document> findByNumbers(Collection<Long> numbers) {
        TreeMap<Long, Document> found = new TreeMap<>();
        List<Long> all = new ArrayList<>(numbers);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<Long> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            for (Document document : events.find(new Document(ID, new Document("$in", chunk)))) {
                found.put(((Number) document.get(ID)).longValue(), document);
            }
        }
        return found;
    }

    /**
     * Tombstones the missing gaps that are certainly abandoned, and returns what now holds those numbers.
     * A run of consecutive missing numbers was reserved before the number just after it; when that one
     * was committed longer than the gap timeout ago, the run's writers have been in flight at least that
     * long. A run that continues a reservation already partly visible (the number before it names a
     * reservation reaching into the run) is an insert in progress and is never tombstoned. Tombstones go
     * in ascending order and stop at the first number already taken: a writer's ordered insert then
     * either finds its first number taken (and writes nothing) or has already written them all.
     */
    private Map<Long, Document> closeStaleGaps(SortedSet<Long> missingGaps, Map<Long, Document> found) {
        List<long[]> runs = new ArrayList<>();
        long start = -1;
        long previous = -2;
        for (long g : missingGaps) {
            if (g != previous + 1) {
                if (start >= 0) {
                    runs.add(new long[]{start, previous});
                }
                start = g;
            }
            previous = g;
        }
        runs.add(new long[]{start, previous});
        List<Long> neighbours = new ArrayList<>();
        for (long[] run : runs) {
            neighbours.add(run[0] - 1);
            neighbours.add(run[1] + 1);
        }
        Map<Long, Document> around = new HashMap<>(found);
        neighbours.removeAll(found.keySet());
        if (!neighbours.isEmpty()) {
            around.putAll(findByNumbers(neighbours));
        }
        Instant threshold = clock.instant().minus(gapTimeout);
        Date now = Date.from(clock.instant());
        Map<Long, Document> filled = new HashMap<>();
        for (long[] run : runs) {
            Document after = around.get(run[1] + 1);
            if (after == null || !after.getDate(COMMITTED_AT).toInstant().isBefore(threshold)) {
                continue;
            }
            Document before = around.get(run[0] - 1);
            if (before != null && ((Number) before.get(COMMIT_LAST)).longValue() >= run[0]) {
                continue;
            }
            for (long g = run[0]; g <= run[1]; g++) {
                if (tryTombstone(g, now)) {
                    filled.put(g, tombstone(g, now));
                } else {
                    break;
                }
            }
        }
        if (!filled.isEmpty()) {
            log.warn("Closed {} abandoned sequence number(s) older than {} with tombstones: {}",
                    filled.size(), gapTimeout, new TreeSet<>(filled.keySet()));
        }
        return filled;
    }

    @Override
    public TrackingToken createTailToken() {
        return GapAwareTrackingToken.newInstance(0, List.of());
    }

    /**
     * The last stored number among the 100 most recently reserved, keeping as gaps the numbers below it
     * not yet written (an append in flight), so a processor started at the head still receives them;
     * numbers above it (in flight, or reserved in a block and not used yet) it reads as they come.
     */
    @Override
    public TrackingToken createHeadToken() {
        long head = head();
        if (head == 0) {
            return createTailToken();
        }
        List<Long> recent = new ArrayList<>();
        for (long g = Math.max(1, head - 99); g <= head; g++) {
            recent.add(g);
        }
        TreeMap<Long, Document> found = findByNumbers(recent);
        if (found.isEmpty()) {
            return GapAwareTrackingToken.newInstance(Math.max(0, head - 100), List.of());
        }
        long last = found.lastKey();
        List<Long> gaps = recent.stream().filter(g -> g < last && !found.containsKey(g)).toList();
        return GapAwareTrackingToken.newInstance(last, gaps);
    }

    /** The position just before the first event stamped at or after {@code instant}. Rare: it may scan. */
    @Override
    public TrackingToken createTokenAt(Instant instant) {
        for (Document document : events.find(new Document(TOMBSTONE, new Document("$ne", true)))
                .sort(new Document(ID, 1)).batchSize(1000)) {
            if (!Instant.parse(document.getString(TIMESTAMP)).isBefore(instant)) {
                return GapAwareTrackingToken.newInstance(((Number) document.get(ID)).longValue() - 1, List.of());
            }
        }
        return createHeadToken();
    }

    // ---------------------------------------------------------------- aggregates

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        List<String> keys = new ArrayList<>(batchSize);
        for (long s = firstSequenceNumber; s < firstSequenceNumber + batchSize; s++) {
            keys.add(aggregateKey(aggregateIdentifier, s));
        }
        TreeMap<Long, DomainEventData<?>> bySequence = new TreeMap<>();
        for (Document document : events.find(new Document(AGGREGATE_KEY, new Document("$in", keys)))) {
            bySequence.put(((Number) document.get(SEQUENCE)).longValue(), domainEntry(document));
        }
        // An aggregate's sequence has no holes: stop at the first missing number.
        List<DomainEventData<?>> result = new ArrayList<>(bySequence.size());
        long expected = firstSequenceNumber;
        for (Map.Entry<Long, DomainEventData<?>> entry : bySequence.entrySet()) {
            if (entry.getKey() != expected++) {
                break;
            }
            result.add(entry.getValue());
        }
        return result;
    }

    /**
     * Loads an aggregate in growing batches (first a few keys, most aggregates being short or loaded
     * after a snapshot), stopping at the first batch that is not full.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        Spliterator<DomainEventData<?>> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private long next = firstSequenceNumber;
            private int size = Math.min(16, aggregateBatchSize);
            private List<? extends DomainEventData<?>> batch = List.of();
            private int position;
            private boolean last;

            @Override
            public boolean tryAdvance(Consumer<? super DomainEventData<?>> action) {
                if (position == batch.size()) {
                    if (last) {
                        return false;
                    }
                    batch = fetchDomainEvents(identifier, next, size);
                    position = 0;
                    last = batch.size() < size;
                    next += batch.size();
                    size = Math.min(size * 4, aggregateBatchSize);
                    if (batch.isEmpty()) {
                        return false;
                    }
                }
                action.accept(batch.get(position++));
                return true;
            }
        };
        return StreamSupport.stream(spliterator, false);
    }

    /**
     * Of the aggregates given, each with the sequence number its next event would have, those that do have
     * an event there: one read by exact keys, so a reader holding folded streams learns which to read on.
     */
    public Set<String> advanced(Map<String, Long> nextSequenceNumbers) {
        if (nextSequenceNumbers.isEmpty()) {
            return Set.of();
        }
        List<String> keys = new ArrayList<>(nextSequenceNumbers.size());
        nextSequenceNumbers.forEach((id, next) -> keys.add(aggregateKey(id, next)));
        Set<String> advanced = new HashSet<>();
        for (Document document : events.find(new Document(AGGREGATE_KEY, new Document("$in", keys)))
                .projection(new Document(AGGREGATE_ID, 1))) {
            advanced.add(document.getString(AGGREGATE_ID));
        }
        return advanced;
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        long start = readSnapshotData(aggregateIdentifier).findFirst().map(DomainEventData::getSequenceNumber).orElse(0L);
        Optional<Long> last = readEventData(aggregateIdentifier, start)
                .map(DomainEventData::getSequenceNumber)
                .reduce((a, b) -> b);
        return last.isPresent() || start == 0 ? last : Optional.of(start);
    }

    private static DomainEventData<String> domainEntry(Document document) {
        return new GenericDomainEventEntry<>(document.getString(TYPE), document.getString(AGGREGATE_ID),
                ((Number) document.get(SEQUENCE)).longValue(), document.getString(EVENT_ID),
                document.getString(TIMESTAMP), document.getString(PAYLOAD_TYPE), document.getString(PAYLOAD_REVISION),
                document.getString(PAYLOAD), document.getString(METADATA));
    }

    // ---------------------------------------------------------------- snapshots

    /** One snapshot per aggregate, replaced only by a later one: a late, older snapshot never wins. */
    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = toDocument(snapshot, serializer);
        document.remove(AGGREGATE_KEY);
        document.put(ID, snapshot.getAggregateIdentifier());
        try {
            snapshots.replaceOne(new Document(ID, snapshot.getAggregateIdentifier())
                            .append(SEQUENCE, new Document("$lt", snapshot.getSequenceNumber())),
                    document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // A snapshot at the same or a higher sequence is already stored.
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document document = snapshots.find(new Document(ID, aggregateIdentifier)).first();
        return document == null ? Stream.empty() : Stream.of(domainEntry(document));
    }

    /** Duplicate keys of the aggregate index mean another writer won: Axon turns that into a ConcurrencyException. */
    static final class DuplicateKeyResolver implements PersistenceExceptionResolver {
        @Override
        public boolean isDuplicateKeyViolation(Exception exception) {
            if (exception instanceof MongoBulkWriteException bulk) {
                return bulk.getWriteErrors().stream()
                        .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
            }
            return exception instanceof MongoWriteException write
                    && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
    }

    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String eventsCollection = DEFAULT_EVENTS;
        private String countersCollection = DEFAULT_COUNTERS;
        private String snapshotsCollection = DEFAULT_SNAPSHOTS;
        private Duration gapTimeout = Duration.ofSeconds(10);
        private int aggregateBatchSize = 256;
        private int readCacheSize = 20_000;
        private int reserveBlock = 32;
        private Clock clock = Clock.systemUTC();

        Builder() {
            persistenceExceptionResolver(new DuplicateKeyResolver());
        }

        public Builder database(MongoDatabase database) {
            this.database = database;
            return this;
        }

        public Builder collections(String events, String counters, String snapshots) {
            this.eventsCollection = events;
            this.countersCollection = counters;
            this.snapshotsCollection = snapshots;
            return this;
        }

        /** How long a reserved number may stay unwritten before a reader closes it with a tombstone. */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        public Builder aggregateBatchSize(int aggregateBatchSize) {
            this.aggregateBatchSize = aggregateBatchSize;
            return this;
        }

        /** Numbers reserved from the counter at a time (1: a round trip for every append). */
        public Builder reserveBlock(int reserveBlock) {
            this.reserveBlock = Math.max(1, reserveBlock);
            return this;
        }

        /** Settled event documents kept in memory for readers that ask for them again (0: none). */
        public Builder readCacheSize(int readCacheSize) {
            this.readCacheSize = readCacheSize;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(org.axonframework.serialization.upcasting.event.EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            if (database == null) {
                throw new org.axonframework.common.AxonConfigurationException("A MongoDatabase is required");
            }
        }

        public SequencedEventStorageEngine build() {
            validate();
            return new SequencedEventStorageEngine(this);
        }
    }
}
