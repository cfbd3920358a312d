package it.registro.app.audit.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import it.registro.app.store.engine.EventChain;
import it.registro.projections.audit.AuditProjection;

/**
 * Recomputes everything from what is stored and names each difference: an event edited, deleted or
 * moved in the event store, a ledger entry edited, a broken aggregate chain, a checkpoint whose root
 * or signature does not hold or whose key the ledger does not know, an event stored but never entered
 * in the ledger.
 * <p>
 * One streaming pass (ADR 0014): the ledger's entries in index order, a page at a time, each with its
 * event read by its exact position; the tree grows as a {@link MerkleTree.CompactRange}, so each
 * checkpoint is checked when the pass reaches its size, in O(log n); then one pass over the stored
 * events by position names those the ledger lacks. Memory: one bit per position and the last chain hash
 * of each aggregate. Nothing is ever read in one reply near the wire limit.
 */
@Component
public class LedgerVerifier {

    private static final Logger log = LoggerFactory.getLogger(LedgerVerifier.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final int PAGE = 256;
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);
    /** Problems listed in a report; beyond them only the count grows. */
    static final int MAX_LISTED = 1_000;

    public record Problem(String kind, String eventId, String aggregateId, Long sequence, Long leafIndex, String detail) {
    }

    public record Report(boolean ok, Instant verifiedAt, long durationMillis, long storedEvents, long ledgerEntries, long checkpoints,
                         Ledger.Checkpoint latestCheckpoint, long problemCount, List<Problem> problems) {
    }

    /** Where a running verification is: entries and events checked, of how many, at what rate. */
    public record Progress(boolean running, String phase, long done, long total, double ratePerSecond, Instant startedAt) {
    }

    private final MongoTemplate mongo;
    private final StoredEvents stored;
    private final Ledger ledger;
    private final AtomicReference<Report> last = new AtomicReference<>();
    private volatile Progress progress = new Progress(false, null, 0, 0, 0, null);

    private final it.registro.projections.document.DocumentIndex documents;
    private final it.registro.app.document.DocumentStore documentStore;

    public LedgerVerifier(MongoTemplate mongo, StoredEvents stored, Ledger ledger, it.registro.projections.document.DocumentIndex documents,
                          it.registro.app.document.DocumentStore documentStore) {
        this.documents = documents;
        this.documentStore = documentStore;
        this.mongo = mongo;
        this.stored = stored;
        this.ledger = ledger;
    }

    public Optional<Report> last() {
        return Optional.ofNullable(last.get());
    }

    public Progress progress() {
        return progress;
    }

    /** The problems found so far: the first {@value #MAX_LISTED} listed, all counted. */
    private static final class Problems {
        final List<Problem> listed = new ArrayList<>();
        long count;

        void add(Problem p) {
            count++;
            if (listed.size() < MAX_LISTED) {
                listed.add(p);
            }
        }
    }

    /** A page of ledger entries with their stored events, by event id. */
    private record Page(List<Document> entries, Map<String, StoredEvents.StoredEvent> events) {
    }

    private Page page(long from) {
        List<Document> entries = ledger.entries(from, PAGE);
        return new Page(entries, entries.isEmpty() ? Map.of() : ledger.storedEventsOf(entries));
    }

    /** The chains of one aggregate as the pass has seen them so far. */
    private static final class Chains {
        long appendSequence = -1;
        String appendChain = EventChain.NONE;
        long ledgerSequence = -1;
        byte[] ledgerChain;
    }

    public synchronized Report verify() {
        Instant start = Instant.now();
        Problems problems = new Problems();
        Map<String, Chains> chains = new HashMap<>();
        BitSet inLedger = new BitSet();
        Set<String> unpositioned = new HashSet<>();
        List<Ledger.Checkpoint> checkpoints = ledger.checkpoints();
        Map<String, Optional<LedgerKeys.Key>> keys = new HashMap<>();
        checkKeys(problems);
        long total = ledger.size();
        Instant logged = start;

        MerkleTree.CompactRange range = new MerkleTree.CompactRange();
        int nextCheckpoint = 0;
        // Two stages on two threads: the next page is read (ledger entries, then their events) while this one
        // is hashed, so the store's work and the hashing overlap.
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "verification-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Page> next = reader.submit(() -> page(0));
            for (long from = 0; ; from += PAGE) {
                Page page = next.get();
                if (page.entries().isEmpty() && from >= total) {
                    break;
                }
                long following = from + PAGE;
                next = reader.submit(() -> page(following));
                for (Document d : page.entries()) {
                    long at = ((Number) d.get("_id")).longValue();
                    if (at != range.size()) {
                        problems.add(new Problem("LEDGER_INDEX_GAP", d.getString("eventId"), d.getString("aggregateId"), sequenceOf(d), at,
                                "expected leaf index " + range.size()));
                        while (range.size() < at) {
                            range.append(new byte[32]); // keep the following entries at their own index
                        }
                    }
                    entry(d, page.events().get(d.getString("eventId")), problems, chains, inLedger, unpositioned);
                    range.append(HEX.parseHex(d.getString("leaf"))).forEach(c -> checkNode(c, problems));
                    while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).treeSize() <= range.size()) {
                        Ledger.Checkpoint cp = checkpoints.get(nextCheckpoint++);
                        if (cp.treeSize() == range.size()) {
                            checkpoint(cp, range.root(), keys, problems);
                        }
                    }
                }
                if (Duration.between(logged, Instant.now()).compareTo(LOG_EVERY) >= 0) {
                    logged = Instant.now();
                    log.info("Verification: {}/{} ledger entries ({} per s)", range.size(), total, rate(range.size(), start));
                }
                progress = new Progress(true, "ledger", range.size(), total, rate(range.size(), start), start);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Verification interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            reader.shutdownNow();
        }
        for (; nextCheckpoint < checkpoints.size(); nextCheckpoint++) {
            problems.add(new Problem("CHECKPOINT_BEYOND_LEDGER", null, null, null, checkpoints.get(nextCheckpoint).treeSize(),
                    "signed for more entries than the ledger holds"));
        }
        long ledgerEntries = range.size();

        // every stored event must be in the ledger: only the positions the ledger did not name are read again
        long[] storedCount = {inLedger.cardinality()};
        stored.forEachPage(PAGE, position -> position < Integer.MAX_VALUE && inLedger.get((int) position), page -> {
            for (StoredEvents.StoredEvent e : page) {
                storedCount[0]++;
                boolean entered = e.position() >= 0 ? inLedger.get(Math.toIntExact(e.position())) : unpositioned.contains(e.eventId());
                if (!entered) {
                    problems.add(new Problem("NOT_IN_LEDGER", e.eventId(), e.aggregateId(), e.sequence(), null,
                            "stored but not entered in the ledger (not yet processed, or written around the service)"));
                    appendChain(e, chains.computeIfAbsent(String.valueOf(e.aggregateId()), k -> new Chains()), problems);
                }
            }
            progress = new Progress(true, "events", storedCount[0], Math.max(storedCount[0], total), rate(storedCount[0], start), start);
        });
        checkDocuments(problems, start);
        Instant end = Instant.now();
        Report report = new Report(problems.count == 0, end, Duration.between(start, end).toMillis(), storedCount[0], ledgerEntries,
                checkpoints.size(), checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1), problems.count, problems.listed);
        log.info("Verification done in {} ms: {} ledger entries, {} stored events, {} checkpoints, {} problems", report.durationMillis(),
                ledgerEntries, storedCount[0], checkpoints.size(), problems.count);
        progress = new Progress(false, "done", storedCount[0], storedCount[0], rate(storedCount[0], start), start);
        last.set(report);
        return report;
    }

    /**
     * Every stored document against the SHA-256 its event recorded: the bytes must hash to it (else DOCUMENT_ALTERED,
     * or DOCUMENT_MISSING), and the event's stored bytes, which the ledger signs, must carry it (else DOCUMENT_NOT_RECORDED).
     */
    private void checkDocuments(Problems problems, Instant start) {
        long[] done = {0};
        long total = documents.count();
        documents.forEachPage(PAGE, page -> {
            Map<String, StoredEvents.StoredEvent> events = stored.byEventIds(page.stream().map(
                    it.registro.projections.document.DocumentIndex.Entry::eventId).toList());
            for (it.registro.projections.document.DocumentIndex.Entry d : page) {
                StoredEvents.StoredEvent event = events.get(d.eventId());
                if (event == null || !new String(event.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains(d.sha256())) {
                    problems.add(new Problem("DOCUMENT_NOT_RECORDED", d.eventId(), d.ownerId(), event == null ? null : event.sequence(), null,
                            "document " + d.documentId() + ": no stored event records the SHA-256 " + d.sha256()));
                }
                Optional<byte[]> bytes = documentStore.read(d.documentId());
                if (bytes.isEmpty()) {
                    problems.add(new Problem("DOCUMENT_MISSING", d.eventId(), d.ownerId(), null, null,
                            "document " + d.documentId() + " (" + d.title() + "): its bytes are no longer stored"));
                } else if (!it.registro.app.document.DocumentStore.sha256(bytes.get()).equals(d.sha256())) {
                    problems.add(new Problem("DOCUMENT_ALTERED", d.eventId(), d.ownerId(), null, null,
                            "document " + d.documentId() + " (" + d.title() + "): its bytes no longer hash to the SHA-256 recorded"));
                }
                done[0]++;
            }
            progress = new Progress(true, "documents", done[0], Math.max(done[0], total), rate(done[0], start), start);
        });
    }

    private static Long sequenceOf(Document d) {
        return d.get("sequence") instanceof Number n ? n.longValue() : null;
    }

    private static long rate(long done, Instant start) {
        long ms = Math.max(1, Duration.between(start, Instant.now()).toMillis());
        return done * 1000 / ms;
    }

    /** One ledger entry against its stored event: leaf, place, both chains. */
    private void entry(Document d, StoredEvents.StoredEvent e, Problems problems, Map<String, Chains> chains, BitSet inLedger,
                       Set<String> unpositioned) {
        long at = ((Number) d.get("_id")).longValue();
        String eventId = d.getString("eventId");
        String aggregate = d.getString("aggregateId");
        long sequence = ((Number) d.get("sequence")).longValue();
        byte[] leaf = HEX.parseHex(d.getString("leaf"));
        Chains chain = chains.computeIfAbsent(String.valueOf(aggregate), k -> new Chains());
        if (e == null) {
            problems.add(new Problem("EVENT_MISSING", eventId, aggregate, sequence, at, "in the ledger, no longer in the event store"));
        } else {
            if (e.position() >= 0) {
                inLedger.set(Math.toIntExact(e.position()));
            } else {
                unpositioned.add(e.eventId());
            }
            if (e.sequence() != sequence || !Objects.equals(e.aggregateId(), aggregate)) {
                problems.add(new Problem("EVENT_MOVED", eventId, aggregate, sequence, at,
                        "stored now as " + e.aggregateId() + " #" + e.sequence() + ", entered as " + aggregate + " #" + sequence));
            }
            if (!Arrays.equals(MerkleTree.leafHash(e.bytes()), leaf)) {
                problems.add(new Problem("EVENT_ALTERED", eventId, aggregate, sequence, at, "its stored bytes no longer hash to the ledger's leaf"));
            }
            if (Objects.equals(e.aggregateId(), aggregate)) {
                appendChain(e, chain, problems);
            } else {
                appendChain(e, chains.computeIfAbsent(String.valueOf(e.aggregateId()), k -> new Chains()), problems);
            }
        }
        // the ledger's own chain, recomputed from the recorded leaves
        byte[] previous = sequence == 0 || aggregate == null ? Ledger.NO_PREVIOUS : chain.ledgerChain;
        if (aggregate != null && sequence > 0 && (previous == null || chain.ledgerSequence != sequence - 1)) {
            problems.add(new Problem("CHAIN_BROKEN", eventId, aggregate, sequence, at, "the previous event of the aggregate is not before it"));
            previous = HEX.parseHex(d.getString("previous"));
        }
        byte[] recomputed = MerkleTree.sha256(previous, leaf);
        if (!Arrays.equals(recomputed, HEX.parseHex(d.getString("chain"))) || !Arrays.equals(previous, HEX.parseHex(d.getString("previous")))) {
            problems.add(new Problem("CHAIN_ALTERED", eventId, aggregate, sequence, at, "the ledger entry's chain hash does not follow"));
        }
        if (aggregate != null) {
            chain.ledgerChain = recomputed;
            chain.ledgerSequence = sequence;
        }
    }

    /**
     * The chain the engine wrote at append, followed per aggregate in sequence order: each event's
     * {@code chainPrevious} must be its predecessor's {@code chain}, and its {@code chain} must follow
     * from its own fields as stored now.
     */
    private static void appendChain(StoredEvents.StoredEvent e, Chains chain, Problems problems) {
        if (e.chain() == null || e.aggregateId() == null) {
            return;
        }
        long expected = chain.appendSequence + 1;
        String recomputed = EventChain.next(e.chainPrevious(), e.chainLeaf());
        if (e.sequence() != expected || !chain.appendChain.equals(e.chainPrevious()) || !recomputed.equals(e.chain())) {
            problems.add(new Problem("APPEND_CHAIN_BROKEN", e.eventId(), e.aggregateId(), e.sequence(), null,
                    e.sequence() != expected ? "the aggregate's events before it are not all stored (expected #" + expected + ")"
                            : !chain.appendChain.equals(e.chainPrevious()) ? "its recorded previous hash is not its predecessor's chain hash"
                            : "its stored fields no longer give the chain hash written at append"));
        }
        chain.appendChain = e.chain();
        chain.appendSequence = e.sequence();
    }

    /** A stored tile must be the subtree the recorded leaves give: proofs are made of them. */
    private void checkNode(MerkleTree.Completed c, Problems problems) {
        if (c.height() == 0 || c.height() % StoredTree.TILE != 0) {
            return;
        }
        Document node = mongo.getCollection(StoredTree.NODES).find(new Document("_id", StoredTree.nodeId(c.height(), c.index()))).first();
        if (node != null && !Arrays.equals(HEX.parseHex(node.getString("hash")), c.hash())) {
            problems.add(new Problem("NODE_ALTERED", null, null, null, c.index() << c.height(),
                    "the stored hash of the subtree of height " + c.height() + " at " + c.index() + " is not its leaves' hash"));
        }
    }

    private void checkpoint(Ledger.Checkpoint cp, byte[] root, Map<String, Optional<LedgerKeys.Key>> keys, Problems problems) {
        String recomputed = Base64.getEncoder().encodeToString(root);
        if (!recomputed.equals(cp.root())) {
            problems.add(new Problem("CHECKPOINT_MISMATCH", null, null, null, cp.treeSize(), "the first " + cp.treeSize()
                    + " entries hash to " + recomputed + ", the checkpoint signed " + cp.root()));
        }
        if (cp.keyId() == null) {
            // signed before checkpoints named their key: any key the ledger holds may have signed it
            boolean verified = ledger.keys().keys().stream().anyMatch(k -> CheckpointText.verify(k.publicKey(), cp.text(), cp.signature()));
            if (!verified) {
                problems.add(new Problem("CHECKPOINT_KEY_UNKNOWN", null, null, null, cp.treeSize(),
                        "signed before checkpoints named their key, by a key the ledger does not hold (a key made for one run only)"));
            }
            return;
        }
        Optional<LedgerKeys.Key> key = keys.computeIfAbsent(cp.keyId(), id -> ledger.keys().key(id));
        if (key.isEmpty()) {
            problems.add(new Problem("CHECKPOINT_KEY_UNKNOWN", null, null, null, cp.treeSize(),
                    "signed by key " + cp.keyId() + ", which is not among the ledger's keys"));
        } else if (!CheckpointText.verify(key.get().publicKey(), cp.text(), cp.signature())) {
            problems.add(new Problem("CHECKPOINT_SIGNATURE_INVALID", null, null, null, cp.treeSize(),
                    "the signature does not verify with key " + cp.keyId()));
        }
    }

    /** Each rotated key must carry a valid endorsement by the key before it, and its id must be its own. */
    private void checkKeys(Problems problems) {
        Map<String, LedgerKeys.Key> byId = new HashMap<>();
        List<LedgerKeys.Key> all = ledger.keys().keys();
        all.forEach(k -> byId.put(k.keyId(), k));
        for (LedgerKeys.Key k : all) {
            if (!LedgerKeys.keyIdOf(k.publicKey()).equals(k.keyId())) {
                problems.add(new Problem("KEY_ALTERED", null, null, null, null, "key " + k.keyId() + " holds another public key"));
            }
            if (k.endorsedBy() != null) {
                LedgerKeys.Key by = byId.get(k.endorsedBy());
                if (by == null || !CheckpointText.verify(by.publicKey(),
                        LedgerKeys.endorsementText(ledger.origin(), k.keyId(), k.publicKey()), k.endorsement())) {
                    problems.add(new Problem("KEY_ENDORSEMENT_INVALID", null, null, null, null,
                            "key " + k.keyId() + " is not endorsed by key " + k.endorsedBy()));
                }
            }
        }
    }

    public record Completeness(boolean complete, long storedEvents, long projectedEvents, List<Problem> missing) {
    }

    /**
     * Every stored event must have reached the audit trail: an event stored but never projected is named
     * here, with its aggregate and sequence. One pass over the events by position, each page looked up in
     * the audit trail by exact keys.
     */
    public Completeness completeness() {
        List<Problem> missing = new ArrayList<>();
        long[] count = {0};
        long[] projected = {0};
        stored.forEachPage(PAGE, page -> {
            count[0] += page.size();
            Set<Object> present = new HashSet<>();
            StoredTree.find(mongo.getCollection(AuditProjection.COLLECTION), page.stream().map(StoredEvents.StoredEvent::eventId).toList())
                    .keySet().forEach(id -> present.add(String.valueOf(id)));
            projected[0] += present.size();
            for (StoredEvents.StoredEvent e : page) {
                if (!present.contains(e.eventId()) && missing.size() < MAX_LISTED) {
                    missing.add(new Problem("NOT_PROJECTED", e.eventId(), e.aggregateId(), e.sequence(), null, "stored, absent from the audit trail"));
                }
            }
        });
        missing.sort(java.util.Comparator.comparing(Problem::aggregateId, java.util.Comparator.nullsFirst(String::compareTo))
                .thenComparing(Problem::sequence));
        if (!missing.isEmpty()) {
            log.warn("Completeness: {} stored events never projected, first {}", missing.size(), missing.get(0));
        }
        return new Completeness(missing.isEmpty(), count[0], projected[0], missing);
    }
}
