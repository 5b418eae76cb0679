package vn.ubkt.casework.query.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 6962 against the test vectors published with the Certificate Transparency reference implementation
 * (transparency-dev/merkle, {@code testonly/constants.go} and {@code proof/verify_test.go}, carried over from
 * google/certificate-transparency's C++ {@code merkle_tree_test.cc}): eight leaves, every root, known proofs.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
    /** Roots by tree size, 0 to 8. */
    private static final String[] ROOTS = {
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
    /** Leaf hashes (level 0 of the reference's node hashes). */
    private static final String[] LEAF_HASHES = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1"};

    private static List<byte[]> leafHashes() {
        List<byte[]> hashes = new ArrayList<>();
        for (String leaf : LEAVES) {
            hashes.add(MerkleTree.leafHash(HEX.parseHex(leaf)));
        }
        return hashes;
    }

    private static List<byte[]> hashes(String joined) {
        List<byte[]> list = new ArrayList<>();
        if (!joined.isBlank()) {
            for (String hex : joined.split(" ")) {
                list.add(HEX.parseHex(hex));
            }
        }
        return list;
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    @Test
    @DisplayName("leaf hashes are H(0x00 || data), as the reference's")
    void leafHashesMatchTheReference() {
        assertThat(hex(leafHashes())).containsExactly(LEAF_HASHES);
    }

    @Test
    @DisplayName("the root of every tree of 0 to 8 leaves is the reference's, from stored nodes and from the frontier")
    void rootsMatchTheReference() {
        List<byte[]> leaves = leafHashes();
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        assertThat(HEX.formatHex(frontier.root())).isEqualTo(ROOTS[0]);
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(MerkleTree.root(size, MerkleTree.over(leaves)))).as("size %d", size)
                    .isEqualTo(ROOTS[size]);
            if (size > 0) {
                frontier.append(leaves.get(size - 1));
                assertThat(HEX.formatHex(frontier.root())).as("frontier at %d", size).isEqualTo(ROOTS[size]);
                MerkleTree.Frontier reloaded = MerkleTree.Frontier.of(size, MerkleTree.over(leaves));
                assertThat(HEX.formatHex(reloaded.root())).as("reloaded at %d", size).isEqualTo(ROOTS[size]);
            }
        }
    }

    @ParameterizedTest(name = "leaf {0} of {1}")
    @DisplayName("inclusion proofs are the reference's and verify; a corrupted one does not")
    @CsvSource(delimiter = '|', value = {
            "0|1|",
            "0|8|96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            "5|8|bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "2|3|fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "1|5|6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"})
    void inclusionProofs(long leaf, long size, String expected) {
        List<byte[]> leaves = leafHashes();
        List<byte[]> proof = MerkleTree.inclusionProof(leaf, size, MerkleTree.over(leaves));
        assertThat(hex(proof)).containsExactlyElementsOf(hex(hashes(expected == null ? "" : expected)));
        byte[] root = HEX.parseHex(ROOTS[(int) size]);
        byte[] leafHash = leaves.get((int) leaf);
        assertThat(MerkleTree.verifyInclusion(leaf, size, leafHash, proof, root)).isTrue();

        assertThat(MerkleTree.verifyInclusion(leaf + 1, size, leafHash, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, size * 2, leafHash, proof, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, size, MerkleTree.leafHash(new byte[] {9}), proof, root)).isFalse();
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        assertThat(MerkleTree.verifyInclusion(leaf, size, leafHash, longer, root)).isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> flipped = new ArrayList<>(proof);
            byte[] bad = proof.get(i).clone();
            bad[0] ^= 8;
            flipped.set(i, bad);
            assertThat(MerkleTree.verifyInclusion(leaf, size, leafHash, flipped, root)).isFalse();
        }
    }

    @ParameterizedTest(name = "{0} to {1}")
    @DisplayName("consistency proofs are the reference's and verify; a corrupted one does not")
    @CsvSource(delimiter = '|', value = {
            "1|1|",
            "1|8|96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            "6|8|0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "2|5|5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "6|7|0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"})
    void consistencyProofs(long from, long to, String expected) {
        List<byte[]> proof = MerkleTree.consistencyProof(from, to, MerkleTree.over(leafHashes()));
        assertThat(hex(proof)).containsExactlyElementsOf(hex(hashes(expected == null ? "" : expected)));
        byte[] root1 = HEX.parseHex(ROOTS[(int) from]);
        byte[] root2 = HEX.parseHex(ROOTS[(int) to]);
        assertThat(MerkleTree.verifyConsistency(from, to, proof, root1, root2)).isTrue();
        if (!proof.isEmpty()) {
            assertThat(MerkleTree.verifyConsistency(from, to, proof, root2, root1)).isFalse();
            assertThat(MerkleTree.verifyConsistency(from - 1, to, proof, root1, root2)).isFalse();
            assertThat(MerkleTree.verifyConsistency(from, to * 2, proof, root1, root2)).isFalse();
            assertThat(MerkleTree.verifyConsistency(from, to, proof.subList(0, proof.size() - 1), root1, root2)).isFalse();
            assertThat(MerkleTree.verifyConsistency(from, to, List.of(), root1, root2)).isFalse();
            for (int i = 0; i < proof.size(); i++) {
                List<byte[]> flipped = new ArrayList<>(proof);
                byte[] bad = proof.get(i).clone();
                bad[0] ^= 16;
                flipped.set(i, bad);
                assertThat(MerkleTree.verifyConsistency(from, to, flipped, root1, root2)).isFalse();
            }
        }
    }

    @Test
    @DisplayName("the sizes that are always consistent, and the ones that never are (reference TestVerifyConsistency)")
    void trivialConsistency() {
        byte[] empty = MerkleTree.emptyRoot();
        byte[] some = HEX.parseHex(ROOTS[1]);
        assertThat(MerkleTree.verifyConsistency(0, 0, List.of(), empty, empty)).isTrue();
        assertThat(MerkleTree.verifyConsistency(0, 1, List.of(), empty, some)).isTrue();
        assertThat(MerkleTree.verifyConsistency(1, 1, List.of(), some, some)).isTrue();
        assertThat(MerkleTree.verifyConsistency(1, 1, List.of(), empty, some)).isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 0, List.of(), some, empty)).isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 2, List.of(), some, empty)).isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 0, List.of(empty), empty, empty)).isFalse();
        assertThat(MerkleTree.verifyConsistency(1, 1, List.of(empty), some, some)).isFalse();
    }

    @Test
    @DisplayName("appending reports each perfect subtree it completes, with its level and index")
    void frontierReportsCompletedSubtrees() {
        List<byte[]> leaves = leafHashes();
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        List<String> completed = new ArrayList<>();
        for (byte[] leaf : leaves) {
            frontier.append(leaf).forEach(node -> completed.add(node.level() + ":" + node.index()));
        }
        assertThat(completed).containsExactly("0:0", "0:1", "1:0", "0:2", "0:3", "1:1", "2:0", "0:4", "0:5", "1:2",
                "0:6", "0:7", "1:3", "2:1", "3:0");
    }
}
