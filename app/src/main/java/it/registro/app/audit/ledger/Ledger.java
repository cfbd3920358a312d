package it.registro.app.audit.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
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

    /** A signed statement of the tree: its size and root, in the form {@link #text} gives. */
    public record Checkpoint(long treeSize, String root, String origin, Instant issuedAt, String reason, String signature) {

        public String text() {
            return CheckpointText.of(origin, treeSize, root);
        }
    }

    private final MongoTemplate mongo;
    private final StoredEvents stored;
    private final CheckpointSigner signer;
    private final String origin;
    private final List<byte[]> leaves = new ArrayList<>();
    private boolean loaded;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ledger-checkpoints");
        t.setDaemon(true);
        return t;
    });

    public Ledger(MongoTemplate mongo, StoredEvents stored, CheckpointSigner signer,
                  @Value("${registro.ledger.origin:registro.local/ledger}") String origin,
                  @Value("${registro.ledger.checkpoint-every:PT10M}") Duration every) {
        this.mongo = mongo;
        this.stored = stored;
        this.signer = signer;
        this.origin = origin;
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
     * The leaf hashes in index order, read once and then kept in step by {@link #on}: counting the
     * collection at every event would cost a scan each on the embedded server. Another writer of the
     * same ledger makes the next insert collide on its index, which drops this copy (see {@link #on}).
     */
    private synchronized List<byte[]> leaves() {
        if (!loaded) {
            leaves.clear();
            for (Document d : mongo.getCollection(LEAVES).find().sort(new Document("_id", 1))) {
                leaves.add(HEX.parseHex(d.getString("leaf")));
            }
            loaded = true;
        }
        return leaves;
    }

    /** The key of an aggregate's event in the ledger: one exact-key lookup finds an event's predecessor. */
    private static String aggregateKey(String aggregateId, long sequence) {
        return aggregateId + ":" + sequence;
    }

    @EventHandler
    public synchronized void on(Object payload, EventMessage<?> event, org.axonframework.eventhandling.TrackingToken token) {
        MongoCollection<Document> c = mongo.getCollection(LEAVES);
        java.util.OptionalLong position = token == null ? java.util.OptionalLong.empty() : token.position();
        Optional<StoredEvents.StoredEvent> found = position.isPresent() ? stored.at(position.getAsLong(), event.getIdentifier()) : Optional.empty();
        StoredEvents.StoredEvent s = found.or(() -> stored.byEventId(event.getIdentifier())).orElseThrow(() ->
                new IllegalStateException("Event " + event.getIdentifier() + " was delivered but is not in the store"));
        byte[] leaf = MerkleTree.leafHash(s.bytes());
        byte[] previous = NO_PREVIOUS;
        if (event instanceof DomainEventMessage<?> d && d.getSequenceNumber() > 0) {
            Document before = c.find(new Document("aggregateKey", aggregateKey(d.getAggregateIdentifier(), d.getSequenceNumber() - 1))).first();
            if (before == null) {
                throw new IllegalStateException("The ledger lacks event " + (d.getSequenceNumber() - 1) + " of " + d.getAggregateIdentifier()
                        + " before event " + d.getSequenceNumber());
            }
            previous = HEX.parseHex(before.getString("chain"));
        }
        List<byte[]> all = leaves();
        long index = all.size();
        Document entry = new Document("_id", index).append("eventId", s.eventId()).append("aggregateId", s.aggregateId())
                .append("sequence", s.sequence()).append("type", s.type()).append("payloadType", payload.getClass().getSimpleName())
                .append("recordedAt", java.util.Date.from(event.getTimestamp())).append("leaf", HEX.formatHex(leaf))
                .append("previous", HEX.formatHex(previous)).append("chain", HEX.formatHex(MerkleTree.sha256(previous, leaf)));
        if (s.aggregateId() != null) {
            entry.append("aggregateKey", aggregateKey(s.aggregateId(), s.sequence())); // absent otherwise: the index is sparse
        }
        try {
            c.insertOne(entry);
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() == com.mongodb.ErrorCategory.DUPLICATE_KEY && leafOf(s.eventId()).isPresent()) {
                // Redelivered (the token is stored once per batch, so a restart delivers again the events a batch
                // had entered before it stopped): the ledger never changes what it holds. Found by a unique index
                // rather than a lookup before every insert; which of its indexes a store names first varies.
                return;
            }
            loaded = false; // the index was taken: this copy of the leaves is behind; the processor retries with a fresh one
            throw e;
        }
        all.add(leaf);
        if (payload instanceof SessionClosed || payload instanceof ActAdopted) {
            checkpoint(payload instanceof SessionClosed ? "session closed" : "act adopted");
        }
    }

    /** Signs the current tree, unless the last checkpoint already covers it. */
    public synchronized Optional<Checkpoint> checkpoint(String reason) {
        List<byte[]> all = leaves();
        Optional<Checkpoint> last = latest();
        if (all.isEmpty() || last.isPresent() && last.get().treeSize() == all.size()) {
            return last;
        }
        String root = Base64.getEncoder().encodeToString(MerkleTree.root(all));
        Checkpoint cp = new Checkpoint(all.size(), root, origin, Instant.now(), reason, signer.sign(CheckpointText.of(origin, all.size(), root)));
        mongo.getCollection(CHECKPOINTS).insertOne(new Document("_id", cp.treeSize()).append("root", cp.root()).append("origin", cp.origin())
                .append("issuedAt", java.util.Date.from(cp.issuedAt())).append("reason", cp.reason()).append("signature", cp.signature()));
        log.info("Ledger checkpoint: {} events, root {} ({})", cp.treeSize(), cp.root(), reason);
        return Optional.of(cp);
    }

    static Checkpoint checkpointOf(Document d) {
        return new Checkpoint(((Number) d.get("_id")).longValue(), d.getString("root"), d.getString("origin"), d.getDate("issuedAt").toInstant(),
                d.getString("reason"), d.getString("signature"));
    }

    public Optional<Checkpoint> latest() {
        return Optional.ofNullable(mongo.getCollection(CHECKPOINTS).find().sort(new Document("_id", -1)).first()).map(Ledger::checkpointOf);
    }

    public List<Checkpoint> checkpoints() {
        List<Checkpoint> out = new ArrayList<>();
        mongo.getCollection(CHECKPOINTS).find().sort(new Document("_id", 1)).forEach(d -> out.add(checkpointOf(d)));
        return out;
    }

    public Optional<Checkpoint> checkpointAt(long size) {
        return Optional.ofNullable(mongo.getCollection(CHECKPOINTS).find(new Document("_id", size)).first()).map(Ledger::checkpointOf);
    }

    public long size() {
        return leaves().size();
    }

    public Optional<Document> leafOf(String eventId) {
        return Optional.ofNullable(mongo.getCollection(LEAVES).find(new Document("eventId", eventId)).first());
    }

    /** A copy of the leaf hashes in index order, for proofs. */
    public synchronized List<byte[]> leafHashes() {
        return new ArrayList<>(leaves());
    }

    /** Every ledger entry in index order. */
    public List<Document> entries() {
        List<Document> out = new ArrayList<>();
        mongo.getCollection(LEAVES).find().sort(new Document("_id", 1)).into(out);
        return out;
    }

    public String origin() {
        return origin;
    }

    public CheckpointSigner signer() {
        return signer;
    }
}
