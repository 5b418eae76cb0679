package vn.ubkt.casework.query.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle hash tree of RFC 6962 (section 2.1, restated by RFC 9162 section 2.1): SHA-256, a leaf hashed as
 * {@code H(0x00 || data)}, an inner node as {@code H(0x01 || left || right)}, a tree of {@code n} leaves split at the
 * largest power of two below {@code n}. Inclusion and consistency proofs, and their verification, as the RFCs give
 * them, so that any Certificate Transparency tool checks what this product proves.
 *
 * <p>Trees are read through {@link Nodes}: the hashes of perfect subtrees (2<sup>level</sup> leaves, aligned), which
 * the ledger keeps in a table so that a root or a proof costs a logarithmic number of reads at any size.
 */
public final class MerkleTree {

    public static final int HASH_SIZE = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {
    }

    /** The hashes of perfect subtrees: leaves {@code [index * 2^level, (index + 1) * 2^level)}. */
    @FunctionalInterface
    public interface Nodes {
        byte[] node(int level, long index);
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update(LEAF_PREFIX);
        sha.update(data);
        return sha.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update(NODE_PREFIX);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The root of the empty tree: the hash of the empty string. */
    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** MTH(D[n]): the root of the tree of the first {@code size} leaves. */
    public static byte[] root(long size, Nodes nodes) {
        requireNonNegative(size, "size");
        return size == 0 ? emptyRoot() : subtree(0, size, nodes);
    }

    /** PATH(m, D[n]): the inclusion proof of leaf {@code leafIndex} in the tree of {@code size} leaves, leaf level first. */
    public static List<byte[]> inclusionProof(long leafIndex, long size, Nodes nodes) {
        if (leafIndex < 0 || leafIndex >= size) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(leafIndex, 0, size, nodes, proof);
        return proof;
    }

    /** PROOF(m, D[n]): that the tree of {@code from} leaves is a prefix of the tree of {@code to} leaves. */
    public static List<byte[]> consistencyProof(long from, long to, Nodes nodes) {
        requireNonNegative(from, "from");
        if (from > to) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, nodes, proof);
        }
        return proof;
    }

    /** RFC 9162 2.1.3.2: whether {@code proof} shows the leaf at {@code leafIndex} in the tree of {@code size} with {@code root}. */
    public static boolean verifyInclusion(long leafIndex, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (leafIndex < 0 || leafIndex >= size || !isHash(leafHash) || !isHash(root)) {
            return false;
        }
        long fn = leafIndex;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || !isHash(p)) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** RFC 9162 2.1.4.2: whether {@code proof} shows the tree ({@code size1}, {@code root1}) a prefix of ({@code size2}, {@code root2}). */
    public static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 < 0 || size2 < size1) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && MessageDigest.isEqual(root1, root2);
        }
        if (size1 == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty() || !isHash(root1) || !isHash(root2)) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        if (!isHash(path.get(0))) {
            return false;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0 || !isHash(c)) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, root1) && MessageDigest.isEqual(sr, root2);
    }

    /** A tree held in memory as its leaf hashes (tests, and the verifier's small trees). */
    public static Nodes over(List<byte[]> leafHashes) {
        return new Nodes() {
            @Override
            public byte[] node(int level, long index) {
                return level == 0 ? leafHashes.get(Math.toIntExact(index))
                        : nodeHash(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
            }
        };
    }

    /** MTH(D[start:end]) where, as in every recursion of the RFC, a left part is a perfect aligned subtree. */
    static byte[] subtree(long start, long end, Nodes nodes) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return nodes.node(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(subtree(start, start + k, nodes), subtree(start + k, end, nodes));
    }

    private static void path(long m, long start, long end, Nodes nodes, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < start + k) {
            path(m, start, start + k, nodes, proof);
            proof.add(subtree(start + k, end, nodes));
        } else {
            path(m, start + k, end, nodes, proof);
            proof.add(subtree(start, start + k, nodes));
        }
    }

    private static void subproof(long m, long start, long end, boolean whole, Nodes nodes, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(subtree(start, end, nodes));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, nodes, proof);
            proof.add(subtree(start + k, end, nodes));
        } else {
            subproof(m - k, start + k, end, false, nodes, proof);
            proof.add(subtree(start, start + k, nodes));
        }
    }

    /** The largest power of two strictly below {@code n} (n at least 2). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The right edge of a growing tree (a "compact range"): the roots of its perfect subtrees, largest first. Appending
     * a leaf reports every perfect subtree it completes, which is what the ledger stores; the root of the tree so far
     * is a fold of the edge.
     */
    public static final class Frontier {

        /** A perfect subtree completed by an append. */
        public record Node(int level, long index, byte[] hash) {
        }

        private final List<Node> edge = new ArrayList<>();
        private long size;

        /** An empty tree. */
        public Frontier() {
        }

        /** The edge of the tree of {@code size} leaves, read from stored perfect subtrees. */
        public static Frontier of(long size, Nodes nodes) {
            Frontier frontier = new Frontier();
            long start = 0;
            for (int level = 62; level >= 0; level--) {
                if ((size & (1L << level)) != 0) {
                    frontier.edge.add(new Node(level, start >> level, nodes.node(level, start >> level)));
                    start += 1L << level;
                }
            }
            frontier.size = size;
            return frontier;
        }

        public static Frontier copyOf(Frontier other) {
            Frontier copy = new Frontier();
            copy.edge.addAll(other.edge);
            copy.size = other.size;
            return copy;
        }

        public long size() {
            return size;
        }

        /** Appends a leaf and answers the perfect subtrees completed, the leaf itself first. */
        public List<Node> append(byte[] leafHash) {
            List<Node> completed = new ArrayList<>(2);
            Node node = new Node(0, size, leafHash);
            completed.add(node);
            edge.add(node);
            while (edge.size() >= 2 && edge.get(edge.size() - 1).level() == edge.get(edge.size() - 2).level()) {
                Node right = edge.remove(edge.size() - 1);
                Node left = edge.remove(edge.size() - 1);
                Node parent = new Node(left.level() + 1, left.index() >> 1, nodeHash(left.hash(), right.hash()));
                edge.add(parent);
                completed.add(parent);
            }
            size++;
            return completed;
        }

        public byte[] root() {
            if (edge.isEmpty()) {
                return emptyRoot();
            }
            byte[] root = edge.get(edge.size() - 1).hash();
            for (int i = edge.size() - 2; i >= 0; i--) {
                root = nodeHash(edge.get(i).hash(), root);
            }
            return root;
        }
    }
}
