package it.registro.app.audit.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import it.registro.domain.act.api.ActAdopted;
import it.registro.domain.session.api.SessionClosed;

/**
 * The append-only ledger of every stored event: a dense leaf index in the order the events reach it,
 * an RFC 9162 leaf hash over the event's stored bytes, a per-aggregate hash chain (each event's chain
 * hash covers the previous one of its aggregate), and signed checkpoints of the Merkle tree, issued
 * when a session closes, when an act is adopted, on request and periodically. It is evidence, not a
 * read model: never reset, never rebuilt.
 * <p>
 * The tree is kept incrementally (ADR 0014): in memory only its right edge ({@link MerkleTree.CompactRange},
 * O(log n) hashes), in the store its leaves and tiles ({@link StoredTree}); so an event and a checkpoint
 * cost O(log n) however long the ledger, and a start-up reads O(log n) documents, never the whole ledger.
 */
@Component
@ProcessingGroup(Ledger.PROCESSING_GROUP)
public class Ledger {

    public static final String PROCESSING_GROUP = "ledger";
    public static final String LEAVES = "ledger_leaves";
    public static final String CHECKPOINTS = "ledger_checkpoints";
    static final byte[] NO_PREVIOUS = new byte[32];
    private static final Logger log = LoggerFactory.getLogger(Ledger.class);
    private static final HexFormat HEX = HexFormat.of();

    /** A signed statement of the tree: its size and root, in the form {@link #text} gives, and the key that signed it. */
    public record Checkpoint(long treeSize, String root, String origin, Instant issuedAt, String reason, String signature, String keyId) {

        public String text() {
            return CheckpointText.of(origin, treeSize, root);
        }
    }

    private final MongoTemplate mongo;
    private final StoredEvents stored;
    private final LedgerKeys keys;
    private final String origin;
    private final StoredTree tree;
    private MerkleTree.CompactRange edge;
    /** Chain hashes of the events entered last, by aggregate key: the next event of an aggregate finds its predecessor here. */
    private final Map<String, byte[]> recentChains = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > 10_000;
        }
    };
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ledger-checkpoints");
        t.setDaemon(true);
        return t;
    });

    public Ledger(MongoTemplate mongo, StoredEvents stored, LedgerKeys keys,
                  @Value("${registro.ledger.origin:registro.local/ledger}") String origin,
                  @Value("${registro.ledger.checkpoint-every:PT10M}") Duration every) {
        this.mongo = mongo;
        this.stored = stored;
        this.keys = keys;
        this.origin = origin;
        this.tree = new StoredTree(mongo);
        MongoCollection<Document> c = mongo.getCollection(LEAVES);
        c.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
        c.createIndex(Indexes.ascending("aggregateKey"), new IndexOptions().unique(true).sparse(true));
        timer.scheduleAtFixedRate(() -> {
            try {
                checkpoint("periodic");
            } catch (RuntimeException e) {
                log.warn("Periodic checkpoint failed: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /**
     * The right edge of the tree, found once: the number of entries by exact-key probes (doubling, then
     * halving: entries are dense from 0), then the perfect subtrees of that size from the stored tiles.
     */
    private synchronized MerkleTree.CompactRange edge() {
        if (edge == null) {
            edge = MerkleTree.CompactRange.of(tree, storedSize());
        }
        return edge;
    }

    private long storedSize() {
        MongoCollection<Document> c = mongo.getCollection(LEAVES);
        if (c.find(new Document("_id", 0L)).first() == null) {
            return 0;
        }
        long present = 0;
        long absent = 1;
        while (c.find(new Document("_id", absent)).first() != null) {
            present = absent;
            absent *= 2;
        }
        while (absent - present > 1) {
            long middle = present + (absent - present) / 2;
            if (c.find(new Document("_id", middle)).first() != null) {
                present = middle;
            } else {
                absent = middle;
            }
        }
        return present + 1;
    }

    /** The key of an aggregate's event in the ledger: one exact-key lookup finds an event's predecessor. */
    private static String aggregateKey(String aggregateId, long sequence) {
        return aggregateId + ":" + sequence;
    }

    /**
     * What one batch of the ledger's processor enters: the stored documents and the ids already entered,
     * both read once for the whole batch by exact keys, then the new entries, written together when the
     * batch's last event has been handled (before the processor stores its token).
     */
    private static final class Batch {
        final Map<String, StoredEvents.StoredEvent> stored;
        final Set<String> entered;
        final List<Document> entries = new ArrayList<>();
        final List<MerkleTree.Completed> completed = new ArrayList<>();
        String checkpointReason;

        Batch(Map<String, StoredEvents.StoredEvent> stored, Set<String> entered) {
            this.stored = stored;
            this.entered = entered;
        }
    }

    private static final String BATCH = Ledger.class.getName() + ".batch";

    /** The batch this event belongs to, read ahead at its first event; a batch of one outside a processor. */
    private Batch batch(EventMessage<?> event) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> unit) {
            return unit.getOrComputeResource(BATCH, k -> readAhead(unit.getMessages().stream().map(m -> ((org.axonframework.messaging.Message<?>) m).getIdentifier()).toList()));
        }
        return readAhead(List.of(event.getIdentifier()));
    }

    private Batch readAhead(List<String> eventIds) {
        Set<String> entered = new HashSet<>();
        List<String> ids = new ArrayList<>(eventIds);
        for (int from = 0; from < ids.size(); from += 128) {
            mongo.getCollection(LEAVES).find(new Document("eventId", new Document("$in", ids.subList(from, Math.min(ids.size(), from + 128)))))
                    .projection(new Document("eventId", 1)).forEach(d -> entered.add(d.getString("eventId")));
        }
        return new Batch(stored.byEventIds(eventIds), entered);
    }

    @EventHandler
    public synchronized void on(Object payload, EventMessage<?> event) {
        Batch batch = batch(event);
        if (batch.entered.contains(event.getIdentifier())) {
            // Delivered again (the token is stored once per batch, so a restart delivers again the events the
            // last batch had entered): the ledger never changes what it holds.
            return;
        }
        StoredEvents.StoredEvent s = Optional.ofNullable(batch.stored.get(event.getIdentifier())).orElseThrow(() ->
                new IllegalStateException("Event " + event.getIdentifier() + " was delivered but is not in the store"));
        byte[] leaf = MerkleTree.leafHash(s.bytes());
        byte[] previous = NO_PREVIOUS;
        if (event instanceof DomainEventMessage<?> d && d.getSequenceNumber() > 0) {
            previous = chainOf(aggregateKey(d.getAggregateIdentifier(), d.getSequenceNumber() - 1)).orElseThrow(() ->
                    new IllegalStateException("The ledger lacks event " + (d.getSequenceNumber() - 1) + " of " + d.getAggregateIdentifier()
                            + " before event " + d.getSequenceNumber()));
        }
        MerkleTree.CompactRange range = edge();
        long index = range.size();
        byte[] chain = MerkleTree.sha256(previous, leaf);
        Document entry = new Document("_id", index).append("eventId", s.eventId()).append("aggregateId", s.aggregateId())
                .append("sequence", s.sequence()).append("type", s.type()).append("payloadType", payload.getClass().getSimpleName())
                .append("recordedAt", Date.from(event.getTimestamp())).append("leaf", HEX.formatHex(leaf))
                .append("previous", HEX.formatHex(previous)).append("chain", HEX.formatHex(chain));
        if (s.position() >= 0) {
            entry.append("position", s.position()); // where verification finds the event by its exact key
        }
        if (s.aggregateId() != null) {
            String key = aggregateKey(s.aggregateId(), s.sequence());
            entry.append("aggregateKey", key); // absent otherwise: the index is sparse
            recentChains.put(key, chain);
        }
        batch.entries.add(entry);
        batch.entered.add(s.eventId());
        batch.completed.addAll(range.append(leaf));
        if (payload instanceof SessionClosed || payload instanceof ActAdopted) {
            batch.checkpointReason = payload instanceof SessionClosed ? "session closed" : "act adopted";
        }
        if (!(CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> unit) || unit.isLastMessage()) {
            flush(batch);
        }
    }

    /** The chain hash of an aggregate's event already entered: most often one entered moments ago. */
    private Optional<byte[]> chainOf(String aggregateKey) {
        byte[] recent = recentChains.get(aggregateKey);
        if (recent != null) {
            return Optional.of(recent);
        }
        return Optional.ofNullable(mongo.getCollection(LEAVES).find(new Document("aggregateKey", aggregateKey)).first())
                .map(d -> HEX.parseHex(d.getString("chain")));
    }

    /** Writes the batch's entries in index order, then its tiles, then signs a checkpoint if the batch called for one. */
    private void flush(Batch batch) {
        if (batch.entries.isEmpty()) {
            return;
        }
        try {
            mongo.getCollection(LEAVES).insertMany(new ArrayList<>(batch.entries), new InsertManyOptions().ordered(true));
        } catch (RuntimeException e) {
            // Another writer of this ledger took an index, or the store failed: read the edge again; the processor retries.
            edge = null;
            recentChains.clear();
            throw e;
        } finally {
            batch.entries.clear();
        }
        batch.completed.forEach(tree::completed);
        batch.completed.clear();
        if (batch.checkpointReason != null) {
            checkpoint(batch.checkpointReason);
            batch.checkpointReason = null;
        }
    }

    /** Signs the current tree, unless the last checkpoint already covers it. */
    public synchronized Optional<Checkpoint> checkpoint(String reason) {
        MerkleTree.CompactRange range = edge();
        long size = range.size();
        Optional<Checkpoint> last = checkpointAt(size);
        if (size == 0 || last.isPresent()) {
            return size == 0 ? latest() : last;
        }
        String root = Base64.getEncoder().encodeToString(range.root());
        LedgerKeys.Signed signed = keys.sign(CheckpointText.of(origin, size, root));
        Checkpoint cp = new Checkpoint(size, root, origin, Instant.now(), reason, signed.signature(), signed.keyId());
        mongo.getCollection(CHECKPOINTS).insertOne(new Document("_id", cp.treeSize()).append("root", cp.root()).append("origin", cp.origin())
                .append("issuedAt", Date.from(cp.issuedAt())).append("reason", cp.reason()).append("signature", cp.signature())
                .append("keyId", cp.keyId()));
        log.info("Ledger checkpoint: {} events, root {}, key {} ({})", cp.treeSize(), cp.root(), cp.keyId(), reason);
        return Optional.of(cp);
    }

    static Checkpoint checkpointOf(Document d) {
        return new Checkpoint(((Number) d.get("_id")).longValue(), d.getString("root"), d.getString("origin"), d.getDate("issuedAt").toInstant(),
                d.getString("reason"), d.getString("signature"), d.getString("keyId"));
    }

    /** The checkpoint with the largest tree. */
    public Optional<Checkpoint> latest() {
        return Optional.ofNullable(mongo.getCollection(CHECKPOINTS).find().sort(new Document("_id", -1)).first()).map(Ledger::checkpointOf);
    }

    /** Every checkpoint, smallest tree first. */
    public List<Checkpoint> checkpoints() {
        List<Checkpoint> out = new ArrayList<>();
        mongo.getCollection(CHECKPOINTS).find().sort(new Document("_id", 1)).forEach(d -> out.add(checkpointOf(d)));
        return out;
    }

    public Optional<Checkpoint> checkpointAt(long size) {
        return Optional.ofNullable(mongo.getCollection(CHECKPOINTS).find(new Document("_id", size)).first()).map(Ledger::checkpointOf);
    }

    /** Entries in the ledger, as stored now (another instance may be the one entering events). */
    public long size() {
        return storedSize();
    }

    /** The root of the first {@code size} entries, from the stored tree. */
    public byte[] root(long size) {
        return MerkleTree.root(tree, 0, size);
    }

    /** The stored tree, for proofs. */
    public MerkleTree.Subtrees tree() {
        return tree;
    }

    public Optional<Document> leafOf(String eventId) {
        return Optional.ofNullable(mongo.getCollection(LEAVES).find(new Document("eventId", eventId)).first());
    }

    /** The entries {@code [from, from + count)} by index (fewer at the end of the ledger), each looked up by its exact key. */
    public List<Document> entries(long from, int count) {
        List<Long> ids = new ArrayList<>(count);
        for (long i = from; i < from + count; i++) {
            ids.add(i);
        }
        var found = StoredTree.find(mongo.getCollection(LEAVES), ids);
        List<Document> out = new ArrayList<>(count);
        for (Long id : ids) {
            Document d = found.get(id);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The stored events of these entries, by event id: read by their exact position where the entry has
     * one and it still holds that event, otherwise by event id; an event no longer stored is absent.
     */
    Map<String, StoredEvents.StoredEvent> storedEventsOf(List<Document> entries) {
        Map<Long, StoredEvents.StoredEvent> byPosition = stored.at(entries.stream().filter(d -> d.get("position") != null)
                .map(d -> ((Number) d.get("position")).longValue()).toList());
        Map<String, StoredEvents.StoredEvent> out = new HashMap<>();
        List<String> lookup = new ArrayList<>();
        for (Document d : entries) {
            StoredEvents.StoredEvent e = d.get("position") == null ? null : byPosition.get(((Number) d.get("position")).longValue());
            if (e != null && e.eventId().equals(d.getString("eventId"))) {
                out.put(e.eventId(), e);
            } else {
                lookup.add(d.getString("eventId"));
            }
        }
        if (!lookup.isEmpty()) {
            out.putAll(stored.byEventIds(lookup));
        }
        return out;
    }

    public String origin() {
        return origin;
    }

    public LedgerKeys keys() {
        return keys;
    }
}
