package it.registro.app.audit.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks an audit bundle without the server and without a database: every event's leaf from its
 * stored bytes, the Merkle root at each checkpoint, each checkpoint's signature by the key it names,
 * and each key's endorsement by the key before it. It uses only the JDK, {@link MerkleTree} and
 * {@link CheckpointText}:
 * {@code java -cp app/target/classes it.registro.app.audit.ledger.OfflineVerifier bundle.txt [trusted-public-key ...]}.
 * With {@code --recompute} it also judges every sitting again ({@link #recompute}), which needs the service's classes.
 * With trusted keys (base64, obtained apart from the bundle) every checkpoint must be signed by one of
 * them or by a key they endorse, directly or through later rotations.
 *
 * <p>The bundle is line-based text (see {@link #writeHeader}): {@code origin}; one {@code key} line per key
 * (id, public key, endorsing key id, endorsement); one {@code checkpoint} line per checkpoint (size, root,
 * signature, key id); one {@code leaf} line per event in ledger order (index, event id, aggregate,
 * sequence, type, base64 stored bytes); then one {@code document} line per stored document (id, the event that
 * recorded it, the SHA-256 recorded, base64 bytes): the bytes must hash to it and the event's stored bytes must carry it.
 * It is read twice, the second time as a stream: the tree grows
 * leaf by leaf and each checkpoint is checked when the stream reaches its size, so a bundle of a million
 * events needs no more memory than a few checkpoints. Bundles of the first format (one {@code key} line
 * with the public key only, checkpoints after the leaves, no key ids) are read too.
 */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    public record Result(boolean ok, long leaves, int checkpoints, List<String> problems) {
    }

    private record Key(String id, String publicKey, String endorsedBy, String endorsement) {
    }

    public static Result check(List<String> lines) {
        return check(lines, List.of());
    }

    public static Result check(Iterable<String> lines, List<String> trustedKeys) {
        String origin = null;
        Map<String, Key> keys = new HashMap<>();
        TreeMap<Long, String[]> checkpoints = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        // document id -> (event id, recorded SHA-256): the event's stored bytes must carry the digest
        Map<String, String[]> documents = new HashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "document" -> {
                    documents.put(f[1], new String[]{f[2], f[3]});
                    if (!sha256(Base64.getDecoder().decode(f[4])).equals(f[3])) {
                        problems.add("document " + f[1] + ": its bytes no longer hash to the SHA-256 recorded (" + f[3] + ")");
                    }
                }
                case "origin" -> origin = f[1];
                case "key" -> {
                    Key k = f.length == 2 ? new Key(LedgerKeys.keyIdOf(f[1]), f[1], null, null)
                            : new Key(f[1], f[2], dash(f[3]), dash(f[4]));
                    keys.put(k.id(), k);
                }
                case "checkpoint" -> checkpoints.put(Long.parseLong(f[1]), f);
                default -> {
                }
            }
        }
        if (origin == null || keys.isEmpty()) {
            problems.add("the bundle lacks its origin or keys");
            return new Result(false, 0, checkpoints.size(), problems);
        }
        for (Key k : keys.values()) {
            if (!LedgerKeys.keyIdOf(k.publicKey()).equals(k.id())) {
                problems.add("key " + k.id() + ": the id is not its public key's");
            }
            if (k.endorsedBy() != null && (!keys.containsKey(k.endorsedBy()) || !CheckpointText.verify(keys.get(k.endorsedBy()).publicKey(),
                    LedgerKeys.endorsementText(origin, k.id(), k.publicKey()), k.endorsement()))) {
                problems.add("key " + k.id() + ": not endorsed by key " + k.endorsedBy());
            }
        }
        Set<String> trusted = trusted(keys, trustedKeys, origin);

        Map<String, List<String>> digestsByEvent = new HashMap<>();
        documents.forEach((id, d) -> digestsByEvent.computeIfAbsent(d[0], k -> new ArrayList<>()).add(d[1]));
        Set<String> eventsSeen = new HashSet<>();

        MerkleTree.CompactRange range = new MerkleTree.CompactRange();
        Iterator<Map.Entry<Long, String[]>> next = checkpoints.entrySet().iterator();
        Map.Entry<Long, String[]> pending = next.hasNext() ? next.next() : null;
        for (String line : lines) {
            if (!line.startsWith("leaf\t")) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("origin\t") && !line.startsWith("key\t")
                        && !line.startsWith("checkpoint\t") && !line.startsWith("format\t") && !line.startsWith("document\t")) {
                    problems.add("unreadable line: " + line);
                }
                continue;
            }
            String[] f = line.split("\t", -1);
            long index = Long.parseLong(f[1]);
            if (index != range.size()) {
                problems.add("leaf " + index + ": expected index " + range.size());
            }
            byte[] stored = Base64.getDecoder().decode(f[6]);
            range.append(MerkleTree.leafHash(stored));
            List<String> digests = digestsByEvent.get(f[2]);
            if (digests != null) {
                eventsSeen.add(f[2]);
                String text = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
                digests.stream().filter(d -> !text.contains(d)).forEach(d ->
                        problems.add("event " + f[2] + ": does not record the document SHA-256 " + d));
            }
            while (pending != null && pending.getKey() <= range.size()) {
                if (pending.getKey() == range.size()) {
                    checkpoint(pending.getValue(), range.root(), origin, keys, trusted, trustedKeys.isEmpty(), problems);
                } else {
                    problems.add("checkpoint " + pending.getKey() + ": the leaves jump past its size");
                }
                pending = next.hasNext() ? next.next() : null;
            }
        }
        while (pending != null) {
            problems.add("checkpoint " + pending.getKey() + ": more entries than the bundle holds (" + range.size() + ")");
            pending = next.hasNext() ? next.next() : null;
        }
        if (checkpoints.isEmpty()) {
            problems.add("no checkpoint: nothing signed to check against");
        }
        documents.forEach((id, d) -> {
            if (!eventsSeen.contains(d[0])) {
                problems.add("document " + id + ": the event " + d[0] + " that recorded it is not in the bundle");
            }
        });
        return new Result(problems.isEmpty(), range.size(), checkpoints.size(), problems);
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() || value.equals("-") ? null : value;
    }

    /** The trusted keys' ids and those of every key they endorse, through any number of rotations. */
    private static Set<String> trusted(Map<String, Key> keys, List<String> trustedKeys, String origin) {
        Set<String> trusted = new HashSet<>();
        trustedKeys.forEach(k -> trusted.add(LedgerKeys.keyIdOf(k.strip())));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Key k : keys.values()) {
                if (!trusted.contains(k.id()) && k.endorsedBy() != null && trusted.contains(k.endorsedBy())
                        && CheckpointText.verify(keys.get(k.endorsedBy()).publicKey(),
                        LedgerKeys.endorsementText(origin, k.id(), k.publicKey()), k.endorsement())) {
                    trusted.add(k.id());
                    grew = true;
                }
            }
        }
        return trusted;
    }

    private static void checkpoint(String[] cp, byte[] root, String origin, Map<String, Key> keys, Set<String> trusted, boolean trustAll,
                                   List<String> problems) {
        long size = Long.parseLong(cp[1]);
        String recomputed = Base64.getEncoder().encodeToString(root);
        if (!recomputed.equals(cp[2])) {
            problems.add("checkpoint " + size + ": the events hash to " + recomputed + ", the checkpoint signed " + cp[2]);
        }
        String text = CheckpointText.of(origin, size, cp[2]);
        String keyId = cp.length > 4 ? dash(cp[4]) : null;
        Key key = keyId == null ? keys.values().stream().filter(k -> CheckpointText.verify(k.publicKey(), text, cp[3])).findFirst().orElse(null)
                : keys.get(keyId);
        if (key == null) {
            problems.add("checkpoint " + size + ": signed by " + (keyId == null ? "no key in the bundle" : "key " + keyId + ", not in the bundle"));
        } else if (!CheckpointText.verify(key.publicKey(), text, cp[3])) {
            problems.add("checkpoint " + size + ": the signature does not verify with key " + key.id());
        } else if (!trustAll && !trusted.contains(key.id())) {
            problems.add("checkpoint " + size + ": signed by key " + key.id() + ", which no trusted key endorses");
        }
    }

    /** What the recomputation of the bundle's sittings found: how many, and every difference from the figures recorded. */
    public record Recomputation(int sessions, int votes, int elections, List<it.registro.domain.session.SessionReplay.Difference> differences) {
    }

    /**
     * Judges every vote, election and declared quorum of the bundle's sittings again, from the events the bundle
     * holds (each read from its stored bytes), with the service's own voting floor: the same recomputation as
     * {@code POST /api/audit/recomputation}. Needs the service's classes (the domain, Jackson, the BSON codec):
     * see docs/audit.md for the command line.
     */
    public static Recomputation recompute(Iterable<String> lines) {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper()
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        it.registro.app.audit.VoteRecomputation.Recomputer r = new it.registro.app.audit.VoteRecomputation.Recomputer();
        for (String line : lines) {
            if (!line.startsWith("leaf\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 7 || f[6].isEmpty()) {
                continue;
            }
            org.bson.RawBsonDocument stored = new org.bson.RawBsonDocument(Base64.getDecoder().decode(f[6]));
            String type = string(stored, "type");
            if (type == null || !it.registro.app.audit.VoteRecomputation.Recomputer.wanted(type)) {
                continue;
            }
            try {
                Object payload = mapper.readValue(string(stored, "serializedPayload"), Class.forName(string(stored, "payloadType")));
                r.accept(type, string(stored, "aggregateIdentifier"), payload);
            } catch (ClassNotFoundException | com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("leaf " + f[1] + ": the event cannot be read: " + e.getMessage(), e);
            }
        }
        List<it.registro.domain.session.SessionReplay.Difference> differences = r.recompute(n -> {
        });
        return new Recomputation(r.sessions(), r.votes(), r.elections(), differences);
    }

    private static String string(org.bson.RawBsonDocument document, String field) {
        org.bson.BsonValue v = document.get(field);
        return v != null && v.isString() ? v.asString().getValue() : null;
    }

    public static void main(String[] args) {
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean recompute = arguments.remove("--recompute");
        if (arguments.isEmpty()) {
            System.err.println("usage: OfflineVerifier <bundle.txt> [trusted-public-key ...] [--recompute]");
            System.exit(2);
        }
        args = arguments.toArray(String[]::new);
        Path bundle = Path.of(args[0]);
        Iterable<String> lines = () -> {
            try {
                BufferedReader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8);
                return reader.lines().onClose(() -> {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).iterator();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        Result r = check(lines, List.of(args).subList(1, args.length));
        System.out.printf("%d events, %d checkpoints checked%n", r.leaves(), r.checkpoints());
        r.problems().forEach(p -> System.out.println("PROBLEM " + p));
        System.out.println(r.ok() ? "OK: every event is in the signed tree as stored" : "FAILED");
        boolean recomputedClean = true;
        if (recompute) {
            Recomputation rc = recompute(lines);
            System.out.printf("%d sittings, %d votes, %d elections judged again%n", rc.sessions(), rc.votes(), rc.elections());
            rc.differences().forEach(d -> System.out.printf("DIFFERENCE %s %s %s item %d at %s: %s recorded %s, recomputed %s%n",
                    d.sessionId(), d.factId(), d.kind(), d.itemNo(), d.at(), d.field(), d.recorded(), d.recomputed()));
            recomputedClean = rc.differences().isEmpty();
            System.out.println(recomputedClean ? "OK: every recorded figure is what the rules give" : "DIFFERENCES FOUND");
        }
        System.exit(r.ok() && recomputedClean ? 0 : 1);
    }

    /** The bundle's first lines: origin, keys, checkpoints; the leaf lines follow ({@link #writeLeaf}). */
    static void writeHeader(Writer out, String origin, List<LedgerKeys.Key> keys, List<Ledger.Checkpoint> checkpoints) throws IOException {
        out.write("# Registro audit bundle: check with OfflineVerifier (docs/audit.md)\n");
        out.write("format\t2\n");
        out.write("origin\t" + origin + "\n");
        for (LedgerKeys.Key k : keys) {
            out.write("key\t" + k.keyId() + "\t" + k.publicKey() + "\t" + (k.endorsedBy() == null ? "-" : k.endorsedBy()) + "\t"
                    + (k.endorsement() == null ? "-" : k.endorsement()) + "\n");
        }
        for (Ledger.Checkpoint cp : checkpoints) {
            out.write("checkpoint\t" + cp.treeSize() + "\t" + cp.root() + "\t" + cp.signature() + "\t" + (cp.keyId() == null ? "-" : cp.keyId())
                    + "\n");
        }
    }

    /** One stored document: its id, the event that recorded its hash, that SHA-256, and the bytes in base64. */
    static void writeDocument(Writer out, String documentId, String eventId, String sha256, String base64) throws IOException {
        out.write("document\t" + documentId + "\t" + eventId + "\t" + sha256 + "\t" + base64 + "\n");
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void writeLeaf(Writer out, String... fields) throws IOException {
        out.write("leaf\t" + String.join("\t", fields) + "\n");
    }
}
