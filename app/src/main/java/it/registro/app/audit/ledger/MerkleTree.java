package it.registro.app.audit.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree hash of RFC 9162 §2.1 over leaf hashes, with inclusion and consistency proofs and
 * their verification. Leaves are hashed {@code SHA-256(0x00 || data)}, interior nodes
 * {@code SHA-256(0x01 || left || right)}, and a tree of n leaves splits at the largest power of two
 * smaller than n. Pure functions, so the offline verifier uses exactly this code.
 * <p>
 * A tree of n leaves is the right fold of the perfect subtrees that the binary digits of n give (a tree
 * of 13 = 8 + 4 + 1 leaves is node(P8, node(P4, P1))), so every hash the algorithms need is made of
 * perfect subtrees, which never change once complete. They are asked of a {@link Subtrees}: a list of
 * leaves in memory, or the ledger's stored leaves and tiles, so a root or a proof over a million events
 * costs a few dozen lookups instead of hashing them all. {@link CompactRange} keeps the tree's right edge
 * for appending: O(log n) per leaf and per root.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** The hash of the perfect subtree of height {@code height} whose leaves start at {@code index * 2^height}. */
    public interface Subtrees {
        byte[] perfect(int height, long index);
    }

    /** One digest per thread: looking the algorithm up for every hash was a tenth of a verification's time. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    });

    public static byte[] sha256(byte[]... parts) {
        MessageDigest d = SHA256.get();
        d.reset();
        for (byte[] p : parts) {
            d.update(p);
        }
        return d.digest();
    }

    public static byte[] leafHash(byte[] data) {
        return sha256(new byte[] {0x00}, data);
    }

    static byte[] node(byte[] left, byte[] right) {
        return sha256(new byte[] {0x01}, left, right);
    }

    /** The largest power of two smaller than n (n ≥ 2). */
    static long split(long n) {
        long k = Long.highestOneBit(n);
        return k == n ? k >> 1 : k;
    }

    /**
     * MTH over the leaves {@code [from, to)}, where {@code from} is a multiple of the largest power of two
     * not above {@code to - from} (true of every subtree of an RFC 9162 tree and of every prefix).
     */
    public static byte[] root(Subtrees tree, long from, long to) {
        long n = to - from;
        if (n == 0) {
            return sha256();
        }
        byte[] right = null;
        long end = to;
        // the perfect subtrees of the binary digits of n, smallest last: fold them from the right
        for (int height = 0; height < 63; height++) {
            long size = 1L << height;
            if ((n & size) != 0) {
                byte[] subtree = tree.perfect(height, (end - size) >> height);
                right = right == null ? subtree : node(subtree, right);
                end -= size;
            }
        }
        return right;
    }

    /** PATH(m, D[n]) (RFC 9162 §2.1.3.1): the audit path of leaf m in the tree of the first n leaves. */
    public static List<byte[]> inclusionProof(Subtrees tree, long m, long n) {
        if (m < 0 || m >= n) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of " + n);
        }
        List<byte[]> path = new ArrayList<>();
        path(tree, m, 0, n, path);
        return path;
    }

    private static void path(Subtrees tree, long m, long from, long to, List<byte[]> out) {
        long n = to - from;
        if (n <= 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            path(tree, m, from, from + k, out);
            out.add(root(tree, from + k, to));
        } else {
            path(tree, m - k, from + k, to, out);
            out.add(root(tree, from, from + k));
        }
    }

    /** PROOF(m, D[n]) (RFC 9162 §2.1.4.1): that the tree of the first m leaves is a prefix of the tree of n. */
    public static List<byte[]> consistencyProof(Subtrees tree, long m, long n) {
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
        }
        List<byte[]> out = new ArrayList<>();
        subproof(tree, m, 0, n, true, out);
        return out;
    }

    private static void subproof(Subtrees tree, long m, long from, long to, boolean complete, List<byte[]> out) {
        long n = to - from;
        if (m == n) {
            if (!complete) {
                out.add(root(tree, from, to));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(tree, m, from, from + k, complete, out);
            out.add(root(tree, from + k, to));
        } else {
            subproof(tree, m - k, from + k, to, false, out);
            out.add(root(tree, from, from + k));
        }
    }

    // ------------------------------------------------------------------ leaves in memory

    /** Leaf hashes held in a list (tests, small trees): a perfect subtree is hashed from its leaves. */
    public static Subtrees of(List<byte[]> leaves) {
        return new Subtrees() {
            @Override
            public byte[] perfect(int height, long index) {
                if (height == 0) {
                    return leaves.get(Math.toIntExact(index));
                }
                return node(perfect(height - 1, 2 * index), perfect(height - 1, 2 * index + 1));
            }
        };
    }

    /** MTH(D[n]) over the leaf hashes {@code leaves[from, to)}. */
    public static byte[] root(List<byte[]> leaves, int from, int to) {
        CompactRange range = new CompactRange();
        for (int i = from; i < to; i++) {
            range.append(leaves.get(i));
        }
        return range.root();
    }

    public static byte[] root(List<byte[]> leaves) {
        return root(leaves, 0, leaves.size());
    }

    public static List<byte[]> inclusionProof(List<byte[]> leaves, int m, int n) {
        if (n > leaves.size()) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of " + n);
        }
        return inclusionProof(of(leaves), m, n);
    }

    public static List<byte[]> consistencyProof(List<byte[]> leaves, int m, int n) {
        if (n > leaves.size()) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
        }
        return consistencyProof(of(leaves), m, n);
    }

    // ------------------------------------------------------------------ verification (RFC 9162 §2.1.3.2, §2.1.4.2)

    /** Whether {@code path} proves that {@code leaf} is leaf m of the tree of size n with that root. */
    public static boolean verifyInclusion(byte[] leaf, long m, long n, List<byte[]> path, byte[] root) {
        if (m < 0 || m >= n) {
            return false;
        }
        long fn = m;
        long sn = n - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    public static boolean verifyConsistency(long m, long n, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (m < 1 || m > n) {
            return false;
        }
        if (m == n) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(m) == 1) {
            path.add(0, firstRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = m - 1;
        long sn = n - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    // ------------------------------------------------------------------ appending

    /** A perfect subtree completed by an append: its height, its index at that height, its hash. */
    public record Completed(int height, long index, byte[] hash) {
    }

    /**
     * The right edge of a growing tree (an RFC 9162 "compact range" from 0): the roots of its perfect
     * subtrees, one per binary digit of its size. Appending a leaf merges equal subtrees, O(log n) at
     * worst and O(1) on average; the root folds them, O(log n). It never looks at an earlier leaf.
     */
    public static final class CompactRange {

        private final List<byte[]> roots = new ArrayList<>(); // largest first
        private final List<Integer> heights = new ArrayList<>();
        private long size;

        public CompactRange() {
        }

        /** The right edge of a tree of {@code size} leaves, its perfect subtrees taken from {@code tree}. */
        public static CompactRange of(Subtrees tree, long size) {
            CompactRange range = new CompactRange();
            long start = 0;
            for (int height = 62; height >= 0; height--) {
                long bit = 1L << height;
                if ((size & bit) != 0) {
                    range.roots.add(tree.perfect(height, start >> height));
                    range.heights.add(height);
                    start += bit;
                }
            }
            range.size = size;
            return range;
        }

        public long size() {
            return size;
        }

        /** Adds a leaf hash; returns the subtrees it completed, the leaf itself first. */
        public List<Completed> append(byte[] leaf) {
            List<Completed> completed = new ArrayList<>(2);
            long index = size;
            byte[] hash = leaf;
            int height = 0;
            completed.add(new Completed(0, index, hash));
            while (!heights.isEmpty() && heights.get(heights.size() - 1) == height) {
                byte[] left = roots.remove(roots.size() - 1);
                heights.remove(heights.size() - 1);
                hash = node(left, hash);
                height++;
                index >>= 1;
                completed.add(new Completed(height, index, hash));
            }
            roots.add(hash);
            heights.add(height);
            size++;
            return completed;
        }

        /** MTH of the leaves appended so far. */
        public byte[] root() {
            if (roots.isEmpty()) {
                return sha256();
            }
            byte[] right = roots.get(roots.size() - 1);
            for (int i = roots.size() - 2; i >= 0; i--) {
                right = node(roots.get(i), right);
            }
            return right;
        }

        public CompactRange copy() {
            CompactRange c = new CompactRange();
            c.roots.addAll(roots);
            c.heights.addAll(heights);
            c.size = size;
            return c;
        }
    }
}
