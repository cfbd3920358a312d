package it.registro.app.audit.ledger;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import it.registro.app.web.ApiException;

/** Tamper evidence: verification, checkpoints, proofs and the offline bundle. */
@RestController
@Tag(name = "Ledger", description = "Hash chain, Merkle log, signed checkpoints, proofs and verification (auditors)")
public class LedgerController {

    private final Ledger ledger;
    private final LedgerVerifier verifier;
    private final StoredEvents stored;

    public LedgerController(Ledger ledger, LedgerVerifier verifier, StoredEvents stored) {
        this.ledger = ledger;
        this.verifier = verifier;
        this.stored = stored;
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

    @GetMapping(path = "/api/audit/completeness", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Events stored but absent from the audit trail, by aggregate and sequence")
    public LedgerVerifier.Completeness completeness() {
        return verifier.completeness();
    }

    public record Checkpoints(String origin, String publicKey, boolean ephemeralKey, long ledgerSize, List<Ledger.Checkpoint> checkpoints) {
    }

    @GetMapping(path = "/api/audit/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Every signed checkpoint, with the origin and the public key that verifies them")
    public Checkpoints checkpoints() {
        return new Checkpoints(ledger.origin(), ledger.signer().publicKey(), ledger.signer().ephemeral(), ledger.size(), ledger.checkpoints());
    }

    @PostMapping(path = "/api/admin/checkpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sign a checkpoint of the ledger now (administrators)")
    public Ledger.Checkpoint checkpoint() {
        return ledger.checkpoint("on request").orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "LEDGER_EMPTY", null,
                "The ledger holds no event yet"));
    }

    public record InclusionProof(String eventId, long leafIndex, long treeSize, String leafHash, List<String> path, Ledger.Checkpoint checkpoint) {
    }

    @GetMapping(path = "/api/audit/proofs/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Proof that one event is in the tree of a checkpoint (default: the latest)")
    public InclusionProof inclusion(@RequestParam String eventId, @RequestParam(required = false) Long treeSize) {
        Document leaf = ledger.leafOf(eventId).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "EVENT_NOT_IN_LEDGER", "eventId",
                "No ledger entry for event '" + eventId + "'"));
        Ledger.Checkpoint cp = treeSize == null
                ? ledger.latest().orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_CHECKPOINT", "treeSize", "No checkpoint yet"))
                : ledger.checkpointAt(treeSize).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_CHECKPOINT", "treeSize",
                        "No checkpoint of size " + treeSize));
        long index = ((Number) leaf.get("_id")).longValue();
        if (index >= cp.treeSize()) {
            throw new ApiException(HttpStatus.CONFLICT, "NOT_YET_CHECKPOINTED", "treeSize", "Event at leaf " + index
                    + " came after the checkpoint of size " + cp.treeSize());
        }
        List<byte[]> leaves = ledger.leafHashes();
        List<String> path = MerkleTree.inclusionProof(leaves, (int) index, (int) cp.treeSize()).stream().map(Base64.getEncoder()::encodeToString).toList();
        return new InclusionProof(eventId, index, cp.treeSize(), Base64.getEncoder().encodeToString(leaves.get((int) index)), path, cp);
    }

    public record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> path) {
    }

    @GetMapping(path = "/api/audit/proofs/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Proof that the checkpoint of size 'from' is a prefix of the checkpoint of size 'to'")
    public ConsistencyProof consistency(@RequestParam long from, @RequestParam long to) {
        if (from < 1 || to < from) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "TREE_SIZE_OUT_OF_RANGE", "from", "Sizes must satisfy 1 ≤ from ≤ to");
        }
        Ledger.Checkpoint first = ledger.checkpointAt(from).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_CHECKPOINT", "from",
                "No checkpoint of size " + from));
        Ledger.Checkpoint second = ledger.checkpointAt(to).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "NO_CHECKPOINT", "to",
                "No checkpoint of size " + to));
        List<byte[]> leaves = ledger.leafHashes();
        List<String> path = MerkleTree.consistencyProof(leaves, (int) from, (int) to).stream().map(Base64.getEncoder()::encodeToString).toList();
        return new ConsistencyProof(from, to, first.root(), second.root(), path);
    }

    @GetMapping(path = "/api/audit/bundle", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The offline audit bundle: every event's stored bytes in ledger order and every checkpoint (OfflineVerifier)")
    public ResponseEntity<String> bundle() {
        Map<String, StoredEvents.StoredEvent> events = new HashMap<>();
        stored.forEach(e -> events.put(e.eventId(), e));
        List<String[]> lines = new ArrayList<>();
        for (Document d : ledger.entries()) {
            StoredEvents.StoredEvent e = events.get(d.getString("eventId"));
            lines.add(new String[] {String.valueOf(d.get("_id")), d.getString("eventId"), String.valueOf(d.getString("aggregateId")),
                    String.valueOf(d.get("sequence")), String.valueOf(d.getString("payloadType")),
                    e == null ? "" : Base64.getEncoder().encodeToString(e.bytes())});
        }
        String body = OfflineVerifier.bundle(ledger.origin(), ledger.signer().publicKey(), lines, ledger.checkpoints());
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"registro-audit-bundle.txt\"")
                .contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
