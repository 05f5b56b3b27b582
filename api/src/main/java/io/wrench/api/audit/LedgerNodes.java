package io.wrench.api.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The ledger's complete subtrees in {@code audit_merkle_node}. A subtree never changes once complete,
 * so appending leaf i writes its level-0 node and, while i's subtree is a right child, its parent.
 */
@Component
class LedgerNodes implements MerkleTree.Nodes {

    private final JdbcTemplate jdbc;

    LedgerNodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends a leaf whose entry is the event's hash; returns its index. */
    long append(byte[] entry) {
        long index = size();
        byte[] hash = MerkleTree.leafHash(entry);
        insert(0, index, hash);
        int level = 0;
        long i = index;
        while ((i & 1) == 1) {
            hash = MerkleTree.nodeHash(node(level, i - 1), hash);
            level++;
            i >>= 1;
            insert(level, i, hash);
        }
        return index;
    }

    /** The number of leaves. */
    long size() {
        Long max = jdbc.queryForObject("select max(idx) from audit_merkle_node where height = 0", Long.class);
        return max == null ? 0 : max + 1;
    }

    @Override
    public byte[] node(int level, long index) {
        List<String> hash = jdbc.queryForList("select hash from audit_merkle_node where height = ? and idx = ?",
                String.class, level, index);
        if (hash.isEmpty()) {
            throw new IllegalStateException("the ledger has no node " + level + "/" + index);
        }
        return EventHash.unhex(hash.get(0));
    }

    byte[] root(long size) {
        return MerkleTree.root(this, 0, size);
    }

    private void insert(int level, long index, byte[] hash) {
        jdbc.update("insert into audit_merkle_node (height, idx, hash) values (?, ?, ?)", level, index, EventHash.hex(hash));
    }
}
