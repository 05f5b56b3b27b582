package io.wrench.api.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's tree against RFC 9162's recursive definitions, computed naively over every size up to 40. */
class MerkleTreeTest {

    private static final int MAX = 40;
    private final List<byte[]> leaves = new ArrayList<>();

    MerkleTreeTest() {
        for (int i = 0; i < MAX; i++) {
            leaves.add(MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** MTH straight from RFC 9162 2.1.1, over leaf hashes. */
    private byte[] naive(int start, int end) {
        int n = end - start;
        if (n == 0) {
            return EventHash.sha256();
        }
        if (n == 1) {
            return leaves.get(start);
        }
        int k = Integer.highestOneBit(n - 1);
        return MerkleTree.nodeHash(naive(start, start + k), naive(start + k, end));
    }

    private final MerkleTree.Nodes nodes = (level, index) -> {
        long start = index << level;
        return naive((int) start, (int) (start + (1L << level)));
    };

    @Test
    void roots_from_stored_subtrees_and_from_the_frontier_equal_the_definition() {
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        assertThat(frontier.root()).isEqualTo(EventHash.sha256());
        for (int n = 1; n <= MAX; n++) {
            frontier.append(leaves.get(n - 1));
            assertThat(MerkleTree.root(nodes, 0, n)).as("size %d", n).isEqualTo(naive(0, n));
            assertThat(frontier.root()).as("frontier at size %d", n).isEqualTo(naive(0, n));
        }
    }

    @Test
    void every_inclusion_proof_verifies_and_a_changed_one_does_not() {
        for (int n = 1; n <= MAX; n++) {
            for (int m = 0; m < n; m++) {
                List<byte[]> path = MerkleTree.inclusionProof(nodes, m, n);
                assertThat(MerkleTree.verifyInclusion(leaves.get(m), m, n, path, naive(0, n))).as("%d in %d", m, n).isTrue();
                if (n > 1) {
                    assertThat(MerkleTree.verifyInclusion(leaves.get((m + 1) % n), m, n, path, naive(0, n)))
                            .as("another leaf at %d in %d", m, n).isFalse();
                }
            }
        }
    }

    @Test
    void every_consistency_proof_verifies_and_a_rewritten_past_does_not() {
        for (int n = 1; n <= MAX; n++) {
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = MerkleTree.consistencyProof(nodes, m, n);
                assertThat(MerkleTree.verifyConsistency(m, n, naive(0, m), naive(0, n), proof)).as("%d to %d", m, n).isTrue();
                if (m < n) {
                    byte[] otherPast = MerkleTree.nodeHash(naive(0, m), naive(0, m));
                    assertThat(MerkleTree.verifyConsistency(m, n, otherPast, naive(0, n), proof)).isFalse();
                }
            }
        }
    }

    @Test
    void rfc_9162_proof_shapes_for_seven_leaves() {
        // RFC 9162 2.1.5: the inclusion proof of d0 in a tree of 7 is [b, h, l]; the consistency proof 3 -> 7 is [c, d, g, l]
        assertThat(MerkleTree.inclusionProof(nodes, 0, 7)).containsExactly(leaves.get(1), naive(2, 4), naive(4, 7));
        assertThat(MerkleTree.consistencyProof(nodes, 3, 7))
                .containsExactly(leaves.get(2), leaves.get(3), naive(0, 2), naive(4, 7));
    }
}
