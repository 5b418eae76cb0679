package vn.ubkt.casework.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** RFC 6962 over random trees: every proof the tree gives verifies against its own roots, and no other. */
class MerkleTreePropertiesTest {

    private static List<byte[]> leaves(int size, int seed) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            leaves.add(MerkleTree.leafHash(("leaf " + seed + "/" + i).getBytes()));
        }
        return leaves;
    }

    @Property(tries = 300)
    void everyInclusionProofVerifies(@ForAll @IntRange(min = 1, max = 300) int size, @ForAll @IntRange(min = 0, max = 299) int at,
                                     @ForAll int seed) {
        int leaf = at % size;
        List<byte[]> leaves = leaves(size, seed);
        MerkleTree.Nodes nodes = MerkleTree.over(leaves);
        byte[] root = MerkleTree.root(size, nodes);
        List<byte[]> proof = MerkleTree.inclusionProof(leaf, size, nodes);
        assertThat(MerkleTree.verifyInclusion(leaf, size, leaves.get(leaf), proof, root)).isTrue();
        if (size > 1) {
            int other = (leaf + 1) % size;
            assertThat(MerkleTree.verifyInclusion(leaf, size, leaves.get(other), proof, root)).isFalse();
        }
    }

    @Property(tries = 300)
    void everyConsistencyProofVerifies(@ForAll @IntRange(min = 1, max = 300) int to, @ForAll @IntRange(min = 1, max = 300) int at,
                                       @ForAll int seed) {
        int from = 1 + (at - 1) % to;
        List<byte[]> leaves = leaves(to, seed);
        MerkleTree.Nodes nodes = MerkleTree.over(leaves);
        byte[] root1 = MerkleTree.root(from, nodes);
        byte[] root2 = MerkleTree.root(to, nodes);
        List<byte[]> proof = MerkleTree.consistencyProof(from, to, nodes);
        assertThat(MerkleTree.verifyConsistency(from, to, proof, root1, root2)).isTrue();
        if (from < to) {
            // a log that rewrote any one of the first `from` leaves cannot prove itself consistent with the old root
            List<byte[]> forked = new ArrayList<>(leaves);
            forked.set(Math.floorMod(seed, from), MerkleTree.leafHash("forged".getBytes()));
            MerkleTree.Nodes forkedNodes = MerkleTree.over(forked);
            List<byte[]> forkedProof = MerkleTree.consistencyProof(from, to, forkedNodes);
            assertThat(MerkleTree.verifyConsistency(from, to, forkedProof, root1, MerkleTree.root(to, forkedNodes)))
                    .isFalse();
        }
    }

    @Property(tries = 200)
    void theFrontierAgreesWithTheTree(@ForAll @IntRange(min = 0, max = 600) int size, @ForAll int seed) {
        List<byte[]> leaves = leaves(size, seed);
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        leaves.forEach(frontier::append);
        byte[] root = MerkleTree.root(size, MerkleTree.over(leaves));
        assertThat(frontier.root()).isEqualTo(root);
        assertThat(MerkleTree.Frontier.of(size, MerkleTree.over(leaves)).root()).isEqualTo(root);
    }
}
