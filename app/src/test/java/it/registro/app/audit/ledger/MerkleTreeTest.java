package it.registro.app.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    private static List<byte[]> leaves(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(MerkleTree.leafHash(("event " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    @Test
    @DisplayName("RFC 6962/9162 values: the empty tree and the empty leaf")
    void knownValues() {
        assertThat(HEX.formatHex(MerkleTree.root(List.of()))).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(HEX.formatHex(MerkleTree.leafHash(new byte[0]))).isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        // two leaves: the root is the interior hash of both, not a hash of their concatenation as leaves
        List<byte[]> two = leaves(2);
        assertThat(MerkleTree.root(two)).isEqualTo(MerkleTree.sha256(new byte[] {1}, two.get(0), two.get(1)));
    }

    @Test
    @DisplayName("every inclusion proof verifies, for every leaf of every tree up to 33; a wrong leaf, index or root does not")
    void inclusion() {
        List<byte[]> all = leaves(33);
        for (int n = 1; n <= 33; n++) {
            byte[] root = MerkleTree.root(all, 0, n);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleTree.inclusionProof(all, m, n);
                assertThat(MerkleTree.verifyInclusion(all.get(m), m, n, path, root)).as("%d of %d", m, n).isTrue();
                assertThat(MerkleTree.verifyInclusion(MerkleTree.leafHash(new byte[] {7}), m, n, path, root)).isFalse();
                if (n > 1) {
                    assertThat(MerkleTree.verifyInclusion(all.get(m), (m + 1) % n, n, path, root)).as("moved %d of %d", m, n).isFalse();
                }
                assertThat(MerkleTree.verifyInclusion(all.get(m), m, n, path, MerkleTree.root(all, 0, n == 33 ? 32 : n + 1))).isFalse();
            }
        }
    }

    @Test
    @DisplayName("every consistency proof verifies between trees up to 33; it fails against another history")
    void consistency() {
        List<byte[]> all = leaves(33);
        List<byte[]> other = leaves(33);
        other.set(2, MerkleTree.leafHash(new byte[] {42}));
        for (int n = 1; n <= 33; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleTree.consistencyProof(all, m, n);
                byte[] first = MerkleTree.root(all, 0, m);
                byte[] second = MerkleTree.root(all, 0, n);
                assertThat(MerkleTree.verifyConsistency(m, n, first, second, proof)).as("%d → %d", m, n).isTrue();
                if (m > 2) {
                    assertThat(MerkleTree.verifyConsistency(m, n, MerkleTree.root(other, 0, m), second, proof)).as("rewritten %d → %d", m, n)
                            .isFalse();
                }
            }
        }
    }

    /** The RFC's recursive definition, as written there, to hold the fast forms to it. */
    private static byte[] reference(List<byte[]> leaves, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return MerkleTree.sha256();
        }
        if (n == 1) {
            return leaves.get(from);
        }
        int k = Integer.highestOneBit(n) == n ? n / 2 : Integer.highestOneBit(n);
        return MerkleTree.sha256(new byte[] {1}, reference(leaves, from, from + k), reference(leaves, from + k, to));
    }

    @Test
    @DisplayName("the compact range gives the RFC root at every size up to 600, appended leaf by leaf or rebuilt from the subtrees")
    void compactRange() {
        List<byte[]> all = leaves(600);
        MerkleTree.CompactRange range = new MerkleTree.CompactRange();
        MerkleTree.Subtrees subtrees = MerkleTree.of(all);
        for (int n = 1; n <= 600; n++) {
            List<MerkleTree.Completed> completed = range.append(all.get(n - 1));
            assertThat(range.root()).as("root of %d", n).isEqualTo(reference(all, 0, n));
            assertThat(MerkleTree.CompactRange.of(subtrees, n).root()).isEqualTo(reference(all, 0, n));
            assertThat(MerkleTree.root(subtrees, 0, n)).isEqualTo(reference(all, 0, n));
            for (MerkleTree.Completed c : completed) {
                assertThat(c.hash()).as("subtree %d/%d", c.height(), c.index()).isEqualTo(subtrees.perfect(c.height(), c.index()));
            }
            // a leaf completes the subtrees of the trailing ones of its index
            assertThat(completed).hasSize(1 + Long.numberOfTrailingZeros(~(long) (n - 1)));
        }
    }
}
