package it.registro.app.audit.ledger;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import it.registro.app.web.ApiException;

/** Tamper evidence: verification, checkpoints, keys, proofs and the offline bundle. */
@RestController
@Tag(name = "Ledger", description = "Hash chain, Merkle log, signed checkpoints, keys, proofs and verification (auditors)")
public class LedgerController {

    private static final int BUNDLE_PAGE = 256;

    private final Ledger ledger;
    private final LedgerVerifier verifier;
    private final it.registro.app.audit.VoteRecomputation recomputation;

    private final it.registro.projections.document.DocumentIndex documentIndex;
    private final it.registro.app.document.DocumentStore documentStore;

    public LedgerController(Ledger ledger, LedgerVerifier verifier, it.registro.app.audit.VoteRecomputation recomputation,
                            it.registro.projections.document.DocumentIndex documentIndex, it.registro.app.document.DocumentStore documentStore) {
        this.documentIndex = documentIndex;
        this.documentStore = documentStore;
        this.ledger = ledger;
        this.verifier = verifier;
        this.recomputation = recomputation;
    }

    @PostMapping(path = "/api/audit/recomputation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Judge every vote, election and declared quorum again from the stored events, under the body's record as it "
            + "stands and the rule set in force at its instant; list every difference from the figures recorded")
    public it.registro.app.audit.VoteRecomputation.Report recompute() {
        return recomputation.run();
    }

    @GetMapping(path = "/api/audit/recomputation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The latest recomputation")
    public it.registro.app.audit.VoteRecomputation.Report lastRecomputation() {
        return recomputation.last().orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_RECOMPUTATION", null,
                "No recomputation has run since the service started"));
    }

    @GetMapping(path = "/api/audit/recomputation/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Where the running (or last) recomputation is: events read or sittings judged, per second")
    public it.registro.app.audit.VoteRecomputation.Progress recomputationProgress() {
        return recomputation.progress();
    }

    @PostMapping(path = "/api/audit/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recompute every leaf, chain, root and signature from what is stored; name each event or checkpoint that differs")
    public LedgerVerifier.Report verify() {
        return verifier.verify();
    }

    @GetMapping(path = "/api/audit/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The latest verification result")
    public LedgerVerifier.Report lastVerification() {
        return verifier.last().orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_VERIFICATION", null,
                "No verification has run since the service started"));
    }

    @GetMapping(path = "/api/audit/verification/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Where the running (or last) verification is: entries and events checked, of how many, per second")
    public LedgerVerifier.Progress verificationProgress() {
        return verifier.progress();
    }

    @GetMapping(path = "/api/audit/completeness", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Events stored but absent from the audit trail, by aggregate and sequence")
    public LedgerVerifier.Completeness completeness() {
        return verifier.completeness();
    }

    public record Checkpoints(String origin, String publicKey, String keyId, boolean ephemeralKey, long ledgerSize,
                              List<LedgerKeys.Key> keys, List<Ledger.Checkpoint> checkpoints) {
    }

    @GetMapping(path = "/api/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every signed checkpoint with the key that signed it, and every key the ledger has signed with")
    public Checkpoints checkpoints() {
        LedgerKeys keys = ledger.keys();
        return new Checkpoints(ledger.origin(), keys.publicKeyBase64(), keys.keyId(), keys.ephemeral(), ledger.size(), keys.keys(),
                ledger.checkpoints());
    }

    @PostMapping(path = "/api/admin/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign a checkpoint of the ledger now (administrators)")
    public Ledger.Checkpoint checkpoint() {
        return ledger.checkpoint("on request").orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "LEDGER_EMPTY", null,
                "The ledger holds no event yet"));
    }

    @PostMapping(path = "/api/admin/ledger/key-rotation", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign from now on with a new key, endorsed by the current one; checkpoints signed before keep verifying (administrators)")
    public LedgerKeys.Key rotateKey(Authentication caller) throws GeneralSecurityException {
        return ledger.keys().rotate(caller.getName());
    }

    public record InclusionProof(String eventId, long leafIndex, long treeSize, String leafHash, List<String> path, Ledger.Checkpoint checkpoint) {
    }

    @GetMapping(path = "/api/audit/proofs/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Proof that one event is in the tree of a checkpoint (default: the latest)")
    public InclusionProof inclusion(@RequestParam String eventId, @RequestParam(required = false) Long treeSize) {
        Document leaf = ledger.leafOf(eventId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "EVENT_NOT_IN_LEDGER", "eventId",
                "No ledger entry for event '" + eventId + "'"));
        Ledger.Checkpoint cp = checkpoint(treeSize, "treeSize");
        long index = ((Number) leaf.get("_id")).longValue();
        if (index >= cp.treeSize()) {
            throw new ApiException(HttpStatus.CONFLICT, "NOT_YET_CHECKPOINTED", "treeSize", "Event at leaf " + index
                    + " came after the checkpoint of size " + cp.treeSize());
        }
        List<String> path = MerkleTree.inclusionProof(ledger.tree(), index, cp.treeSize()).stream().map(Base64.getEncoder()::encodeToString).toList();
        return new InclusionProof(eventId, index, cp.treeSize(),
                Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(leaf.getString("leaf"))), path, cp);
    }

    private Ledger.Checkpoint checkpoint(Long treeSize, String field) {
        return treeSize == null
                ? ledger.latest().orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_CHECKPOINT", field, "No checkpoint yet"))
                : ledger.checkpointAt(treeSize).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_CHECKPOINT", field,
                        "No checkpoint of size " + treeSize));
    }

    public record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> path) {
    }

    @GetMapping(path = "/api/audit/proofs/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Proof that the checkpoint of size 'from' is a prefix of the checkpoint of size 'to'")
    public ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        if (from < 1 || to < from) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "TREE_SIZE_OUT_OF_RANGE", "from", "Sizes must satisfy 1 ≤ from ≤ to");
        }
        Ledger.Checkpoint first = checkpoint(from, "from");
        Ledger.Checkpoint second = checkpoint(to, "to");
        List<String> path = MerkleTree.consistencyProof(ledger.tree(), from, to).stream().map(Base64.getEncoder()::encodeToString).toList();
        return new ConsistencyProof(from, to, first.root(), second.root(), path);
    }

    @GetMapping(path = "/api/audit/bundle", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The offline audit bundle: keys, checkpoints and every event's stored bytes in ledger order (OfflineVerifier)")
    public ResponseEntity<StreamingResponseBody> bundle() {
        List<LedgerKeys.Key> keys = ledger.keys().keys();
        List<Ledger.Checkpoint> checkpoints = ledger.checkpoints();
        long size = checkpoints.isEmpty() ? ledger.size() : Math.max(ledger.size(), checkpoints.get(checkpoints.size() - 1).treeSize());
        StreamingResponseBody body = output -> {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            OfflineVerifier.writeHeader(out, ledger.origin(), keys, checkpoints);
            // a page at a time, each read by exact keys: the bundle of a million events is never held in memory
            for (long from = 0; from < size; from += BUNDLE_PAGE) {
                List<Document> entries = ledger.entries(from, BUNDLE_PAGE);
                Map<String, StoredEvents.StoredEvent> events = ledger.storedEventsOf(entries);
                for (Document d : entries) {
                    StoredEvents.StoredEvent e = events.get(d.getString("eventId"));
                    OfflineVerifier.writeLeaf(out, String.valueOf(d.get("_id")), d.getString("eventId"), String.valueOf(d.getString("aggregateId")),
                            String.valueOf(d.get("sequence")), String.valueOf(d.getString("payloadType")),
                            e == null ? "" : Base64.getEncoder().encodeToString(e.bytes()));
                }
            }
            // then every stored document with the event that recorded its hash: the verifier checks both
            java.io.IOException[] failed = {null};
            documentIndex.forEachPage(BUNDLE_PAGE, page -> {
                for (it.registro.projections.document.DocumentIndex.Entry d : page) {
                    try {
                        byte[] bytes = documentStore.read(d.documentId()).orElse(new byte[0]);
                        OfflineVerifier.writeDocument(out, d.documentId(), d.eventId(), d.sha256(), Base64.getEncoder().encodeToString(bytes));
                    } catch (java.io.IOException io) {
                        failed[0] = io;
                        return;
                    }
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            out.flush();
        };
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"registro-audit-bundle.txt\"")
                .contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
