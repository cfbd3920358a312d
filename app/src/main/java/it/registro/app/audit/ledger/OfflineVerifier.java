package it.registro.app.audit.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Checks an audit bundle without the server and without a database: every event's leaf from its
 * stored bytes, the Merkle root at each checkpoint, and each checkpoint's signature. It uses only the
 * JDK, {@link MerkleTree} and {@link CheckpointText}:
 * {@code java -cp app/target/classes it.registro.app.audit.ledger.OfflineVerifier bundle.txt}.
 *
 * <p>The bundle is line-based text (see {@link #bundle}): {@code origin}, {@code key}, one
 * {@code leaf} line per event in ledger order (index, event id, aggregate, sequence, type, base64
 * stored bytes) and one {@code checkpoint} line per checkpoint (size, root, base64 signature).
 */
public final class OfflineVerifier {

    private OfflineVerifier() {
    }

    public record Result(boolean ok, int leaves, int checkpoints, List<String> problems) {
    }

    public static Result check(List<String> lines) {
        String origin = null;
        String key = null;
        List<byte[]> leaves = new ArrayList<>();
        List<String[]> checkpoints = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            switch (f[0]) {
                case "origin" -> origin = f[1];
                case "key" -> key = f[1];
                case "leaf" -> {
                    int index = Integer.parseInt(f[1]);
                    if (index != leaves.size()) {
                        problems.add("leaf " + index + ": expected index " + leaves.size());
                    }
                    leaves.add(MerkleTree.leafHash(Base64.getDecoder().decode(f[6])));
                }
                case "checkpoint" -> checkpoints.add(f);
                default -> {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        problems.add("unreadable line: " + line);
                    }
                }
            }
        }
        if (origin == null || key == null) {
            problems.add("the bundle lacks its origin or key");
            return new Result(false, leaves.size(), checkpoints.size(), problems);
        }
        for (String[] cp : checkpoints) {
            int size = Integer.parseInt(cp[1]);
            if (size > leaves.size()) {
                problems.add("checkpoint " + size + ": more entries than the bundle holds (" + leaves.size() + ")");
                continue;
            }
            String root = Base64.getEncoder().encodeToString(MerkleTree.root(leaves, 0, size));
            if (!root.equals(cp[2])) {
                problems.add("checkpoint " + size + ": the events hash to " + root + ", the checkpoint signed " + cp[2]);
            }
            if (!CheckpointText.verify(key, CheckpointText.of(origin, size, cp[2]), cp[3])) {
                problems.add("checkpoint " + size + ": the signature does not verify with the bundle's key");
            }
        }
        if (checkpoints.isEmpty()) {
            problems.add("no checkpoint: nothing signed to check against");
        }
        return new Result(problems.isEmpty(), leaves.size(), checkpoints.size(), problems);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: OfflineVerifier <bundle.txt>");
            System.exit(2);
        }
        Result r = check(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
        System.out.printf("%d events, %d checkpoints checked%n", r.leaves(), r.checkpoints());
        r.problems().forEach(p -> System.out.println("PROBLEM " + p));
        System.out.println(r.ok() ? "OK: every event is in the signed tree as stored" : "FAILED");
        System.exit(r.ok() ? 0 : 1);
    }

    /** Writes a bundle from the ledger's entries and the stored bytes. */
    static String bundle(String origin, String publicKey, List<String[]> leafLines, List<Ledger.Checkpoint> checkpoints) {
        StringBuilder b = new StringBuilder("# Registro audit bundle: check with OfflineVerifier (docs/audit.md)\n");
        b.append("origin\t").append(origin).append('\n').append("key\t").append(publicKey).append('\n');
        leafLines.forEach(l -> b.append("leaf\t").append(String.join("\t", l)).append('\n'));
        checkpoints.forEach(cp -> b.append("checkpoint\t").append(cp.treeSize()).append('\t').append(cp.root()).append('\t')
                .append(cp.signature()).append('\n'));
        return b.toString();
    }
}
