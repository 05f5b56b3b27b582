package io.wrench.api.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1: leaf hash
 * {@code SHA-256(0x00 || entry)}, node hash {@code SHA-256(0x01 || left || right)}, the split at the largest
 * power of two below the size, inclusion proofs (2.1.3) and consistency proofs (2.1.4). Every complete,
 * aligned subtree the recursion meets is read from {@link Nodes}, so a proof costs O(log n) lookups.
 */
public final class MerkleTree {

    private static final byte[] LEAF = {0};
    private static final byte[] NODE = {1};

    /** The hash of leaves {@code [index * 2^level, (index + 1) * 2^level)}, a complete subtree. */
    @FunctionalInterface
    public interface Nodes {
        byte[] node(int level, long index);
    }

    private MerkleTree() {
    }

    /** The leaf of one event: its 32-byte chain hash is the entry. */
    public static byte[] leafHash(byte[] entry) {
        return EventHash.sha256(LEAF, entry);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return EventHash.sha256(NODE, left, right);
    }

    /** MTH(D[start:end]). */
    public static byte[] root(Nodes nodes, long start, long end) {
        long n = end - start;
        if (n == 0) {
            return EventHash.sha256();
        }
        if (Long.bitCount(n) == 1 && start % n == 0) {
            int level = Long.numberOfTrailingZeros(n);
            return nodes.node(level, start >> level);
        }
        long k = split(n);
        return nodeHash(root(nodes, start, start + k), root(nodes, start + k, end));
    }

    /** PATH(m, D[0:n]): the audit path of leaf m in the tree of size n. */
    public static List<byte[]> inclusionProof(Nodes nodes, long m, long n) {
        if (m < 0 || m >= n) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of size " + n);
        }
        List<byte[]> path = new ArrayList<>();
        path(nodes, m, 0, n, path);
        return path;
    }

    private static void path(Nodes nodes, long m, long start, long end, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = split(n);
        if (m - start < k) {
            path(nodes, m, start, start + k, out);
            out.add(root(nodes, start + k, end));
        } else {
            path(nodes, m, start + k, end, out);
            out.add(root(nodes, start, start + k));
        }
    }

    /** PROOF(m, D[0:n]): the consistency proof from size m to size n (0 < m <= n). */
    public static List<byte[]> consistencyProof(Nodes nodes, long m, long n) {
        if (m <= 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from size " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        subproof(nodes, m, 0, n, true, proof);
        return proof;
    }

    private static void subproof(Nodes nodes, long m, long start, long end, boolean whole, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                out.add(root(nodes, start, end));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(nodes, m, start, start + k, whole, out);
            out.add(root(nodes, start + k, end));
        } else {
            subproof(nodes, m - k, start + k, end, false, out);
            out.add(root(nodes, start, start + k));
        }
    }

    /** Verifies an inclusion proof the way RFC 9162 2.1.3.2 describes it. */
    public static boolean verifyInclusion(byte[] leafHash, long leafIndex, long treeSize, List<byte[]> path, byte[] root) {
        if (leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** Verifies a consistency proof the way RFC 9162 2.1.4.2 describes it. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (first <= 0 || first > second || proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
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
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    private static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * Appends leaves one at a time keeping only the right edge (O(log n) hashes): the root of every prefix
     * without holding the tree. The stand-alone verifier and the server-side verification use it.
     */
    public static final class Frontier {
        private final Deque<byte[]> stack = new ArrayDeque<>();
        private final Deque<Integer> levels = new ArrayDeque<>();
        private long size;

        public void append(byte[] leafHash) {
            byte[] hash = leafHash;
            int level = 0;
            while (!levels.isEmpty() && levels.peek() == level) {
                hash = nodeHash(stack.pop(), hash);
                levels.pop();
                level++;
            }
            stack.push(hash);
            levels.push(level);
            size++;
        }

        public long size() {
            return size;
        }

        public byte[] root() {
            if (size == 0) {
                return EventHash.sha256();
            }
            var it = stack.iterator(); // rightmost (smallest) subtree first
            byte[] hash = it.next();
            while (it.hasNext()) {
                hash = nodeHash(it.next(), hash);
            }
            return hash;
        }
    }
}
