package it.registro.app.audit.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes everything from what is stored and names each difference: an event edited, deleted or
 * moved in the event store, a ledger entry edited, a broken aggregate chain, a checkpoint whose root
 * or signature does not hold, an event stored but never entered in the ledger.
 */
@Component
public class LedgerVerifier {

    private static final Logger log = LoggerFactory.getLogger(LedgerVerifier.class);
    private static final HexFormat HEX = HexFormat.of();
    private static final int LOG_EVERY = 5_000;

    public record Problem(String kind, String eventId, String aggregateId, Long sequence, Long leafIndex, String detail) {
    }

    public record Report(boolean ok, Instant verifiedAt, long durationMillis, long storedEvents, long ledgerEntries, long checkpoints,
                         Ledger.Checkpoint latestCheckpoint, List<Problem> problems) {
    }

    private final MongoTemplate mongo;
    private final StoredEvents stored;
    private final Ledger ledger;
    private final AtomicReference<Report> last = new AtomicReference<>();

    public LedgerVerifier(MongoTemplate mongo, StoredEvents stored, Ledger ledger) {
        this.mongo = mongo;
        this.stored = stored;
        this.ledger = ledger;
    }

    public Optional<Report> last() {
        return Optional.ofNullable(last.get());
    }

    public synchronized Report verify() {
        Instant start = Instant.now();
        List<Problem> problems = new ArrayList<>();
        Map<String, StoredEvents.StoredEvent> events = new HashMap<>();
        stored.forEach(e -> events.put(e.eventId(), e));
        log.info("Verification started: {} stored events", events.size());
        appendChains(events.values(), problems);

        List<byte[]> recorded = new ArrayList<>();
        Map<String, byte[]> chains = new HashMap<>();
        Map<String, Long> lastSequence = new HashMap<>();
        long index = 0;
        for (Document d : mongo.getCollection(Ledger.LEAVES).find().sort(new Document("_id", 1))) {
            long at = ((Number) d.get("_id")).longValue();
            String eventId = d.getString("eventId");
            String aggregate = d.getString("aggregateId");
            long sequence = ((Number) d.get("sequence")).longValue();
            if (at != index) {
                problems.add(new Problem("LEDGER_INDEX_GAP", eventId, aggregate, sequence, at, "expected leaf index " + index));
                index = at;
            }
            byte[] leaf = HEX.parseHex(d.getString("leaf"));
            recorded.add(leaf);
            StoredEvents.StoredEvent e = events.remove(eventId);
            if (e == null) {
                problems.add(new Problem("EVENT_MISSING", eventId, aggregate, sequence, at, "in the ledger, no longer in the event store"));
            } else {
                if (e.sequence() != sequence || !java.util.Objects.equals(e.aggregateId(), aggregate)) {
                    problems.add(new Problem("EVENT_MOVED", eventId, aggregate, sequence, at,
                            "stored now as " + e.aggregateId() + " #" + e.sequence() + ", entered as " + aggregate + " #" + sequence));
                }
                if (!Arrays.equals(MerkleTree.leafHash(e.bytes()), leaf)) {
                    problems.add(new Problem("EVENT_ALTERED", eventId, aggregate, sequence, at, "its stored bytes no longer hash to the ledger's leaf"));
                }
            }
            // the aggregate chain, recomputed from the recorded leaves
            byte[] previous = sequence == 0 || aggregate == null ? Ledger.NO_PREVIOUS : chains.getOrDefault(aggregate, null);
            Long lastSeq = lastSequence.get(aggregate);
            if (aggregate != null && sequence > 0 && (previous == null || lastSeq == null || lastSeq != sequence - 1)) {
                problems.add(new Problem("CHAIN_BROKEN", eventId, aggregate, sequence, at, "the previous event of the aggregate is not before it"));
                previous = HEX.parseHex(d.getString("previous"));
            }
            byte[] chain = MerkleTree.sha256(previous, leaf);
            if (!Arrays.equals(chain, HEX.parseHex(d.getString("chain"))) || !Arrays.equals(previous, HEX.parseHex(d.getString("previous")))) {
                problems.add(new Problem("CHAIN_ALTERED", eventId, aggregate, sequence, at, "the ledger entry's chain hash does not follow"));
            }
            if (aggregate != null) {
                chains.put(aggregate, chain);
                lastSequence.put(aggregate, sequence);
            }
            index++;
            if (index % LOG_EVERY == 0) {
                long ms = Math.max(1, Duration.between(start, Instant.now()).toMillis());
                log.info("Verification: {}/{} ledger entries ({} per s)", index, index + events.size(), index * 1000 / ms);
            }
        }
        for (StoredEvents.StoredEvent e : events.values()) {
            problems.add(new Problem("NOT_IN_LEDGER", e.eventId(), e.aggregateId(), e.sequence(), null,
                    "stored but not entered in the ledger (not yet processed, or written around the service)"));
        }
        List<Ledger.Checkpoint> checkpoints = ledger.checkpoints();
        String key = ledger.signer().publicKey();
        for (Ledger.Checkpoint cp : checkpoints) {
            if (cp.treeSize() > recorded.size()) {
                problems.add(new Problem("CHECKPOINT_BEYOND_LEDGER", null, null, null, cp.treeSize(), "signed for more entries than the ledger holds"));
                continue;
            }
            String root = Base64.getEncoder().encodeToString(MerkleTree.root(recorded, 0, (int) cp.treeSize()));
            if (!root.equals(cp.root())) {
                problems.add(new Problem("CHECKPOINT_MISMATCH", null, null, null, cp.treeSize(), "the first " + cp.treeSize()
                        + " entries hash to " + root + ", the checkpoint signed " + cp.root()));
            }
            if (!CheckpointText.verify(key, cp.text(), cp.signature())) {
                problems.add(new Problem("CHECKPOINT_SIGNATURE_INVALID", null, null, null, cp.treeSize(), "the signature does not verify"));
            }
        }
        Instant end = Instant.now();
        Report report = new Report(problems.isEmpty(), end, Duration.between(start, end).toMillis(), index + events.size() - countMissing(problems),
                index, checkpoints.size(), checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1), problems);
        log.info("Verification done in {} ms: {} ledger entries, {} checkpoints, {} problems", report.durationMillis(), index,
                checkpoints.size(), problems.size());
        last.set(report);
        return report;
    }

    /**
     * The chain the engine wrote at append, recomputed per aggregate in sequence order from the stored
     * documents: each event's {@code chainPrevious} must be its predecessor's {@code chain}, and its
     * {@code chain} must follow from its own fields as stored now.
     */
    private static void appendChains(java.util.Collection<StoredEvents.StoredEvent> events, List<Problem> problems) {
        Map<String, List<StoredEvents.StoredEvent>> byAggregate = new HashMap<>();
        for (StoredEvents.StoredEvent e : events) {
            if (e.chain() != null && e.aggregateId() != null) {
                byAggregate.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(e);
            }
        }
        for (List<StoredEvents.StoredEvent> stream : byAggregate.values()) {
            stream.sort(java.util.Comparator.comparingLong(StoredEvents.StoredEvent::sequence));
            String previous = it.registro.app.store.engine.EventChain.NONE;
            long expected = 0;
            for (StoredEvents.StoredEvent e : stream) {
                String recomputed = it.registro.app.store.engine.EventChain.next(e.chainPrevious(), e.chainLeaf());
                if (e.sequence() != expected || !previous.equals(e.chainPrevious()) || !recomputed.equals(e.chain())) {
                    problems.add(new Problem("APPEND_CHAIN_BROKEN", e.eventId(), e.aggregateId(), e.sequence(), null,
                            e.sequence() != expected ? "the aggregate's events before it are not all stored (expected #" + expected + ")"
                                    : !previous.equals(e.chainPrevious()) ? "its recorded previous hash is not its predecessor's chain hash"
                                    : "its stored fields no longer give the chain hash written at append"));
                }
                previous = e.chain();
                expected = e.sequence() + 1;
            }
        }
    }

    public record Completeness(boolean complete, long storedEvents, long projectedEvents, List<Problem> missing) {
    }

    /**
     * Every stored event must have reached the audit trail: an event stored but never projected (the
     * Mongo token's look-back can skip a late commit) is named here, with its aggregate and sequence.
     */
    public Completeness completeness() {
        java.util.Set<String> projected = new java.util.HashSet<>();
        mongo.getCollection(it.registro.projections.audit.AuditProjection.COLLECTION).find()
                .projection(new Document("_id", 1)).forEach(d -> projected.add(String.valueOf(d.get("_id"))));
        List<Problem> missing = new ArrayList<>();
        long[] count = {0};
        stored.forEach(e -> {
            count[0]++;
            if (!projected.contains(e.eventId())) {
                missing.add(new Problem("NOT_PROJECTED", e.eventId(), e.aggregateId(), e.sequence(), null,
                        "stored, absent from the audit trail"));
            }
        });
        missing.sort(java.util.Comparator.comparing(Problem::aggregateId, java.util.Comparator.nullsFirst(String::compareTo))
                .thenComparing(Problem::sequence));
        if (!missing.isEmpty()) {
            log.warn("Completeness: {} stored events never projected, first {}", missing.size(), missing.get(0));
        }
        return new Completeness(missing.isEmpty(), count[0], projected.size(), missing);
    }

    private static long countMissing(List<Problem> problems) {
        return problems.stream().filter(p -> p.kind().equals("EVENT_MISSING")).count();
    }
}
