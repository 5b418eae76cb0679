package vn.ubkt.casework.query.integrity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Merkle log as stored: its size, the perfect subtree hashes that make a root or a proof cheap, and the
 * checkpoints issued. Read by whoever needs a root, a proof or a checkpoint; written only by the {@link Sealer}
 * and the {@link Checkpoints}.
 */
public class Ledger {

    private final JdbcClient jdbc;

    public Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of leaves sealed. */
    public long size() {
        return jdbc.sql("select coalesce(max(leaf_index) + 1, 0) from integrity_leaf").query(Long.class).single();
    }

    /** The hashes of perfect subtrees, read from the ledger's tables. */
    public MerkleTree.Nodes nodes() {
        return (level, index) -> level == 0
                ? jdbc.sql("select leaf_hash from integrity_leaf where leaf_index = ?").param(index)
                        .query(byte[].class).optional().orElseThrow(() -> new IllegalStateException("no leaf " + index))
                : jdbc.sql("select hash from integrity_node where level = ? and node_index = ?").param(level).param(index)
                        .query(byte[].class).optional()
                        .orElseThrow(() -> new IllegalStateException("no node " + level + "/" + index));
    }

    public byte[] root(long size) {
        return MerkleTree.root(size, nodes());
    }

    /** The leaf that sealed the event at {@code globalIndex}. */
    public Optional<Long> leafIndexOf(long globalIndex) {
        return jdbc.sql("select leaf_index from integrity_leaf where global_index = ?").param(globalIndex)
                .query(Long.class).optional();
    }

    /** The global index of the event sealed as leaf {@code leafIndex}. */
    public Optional<Long> globalIndexOf(long leafIndex) {
        return jdbc.sql("select global_index from integrity_leaf where leaf_index = ?").param(leafIndex)
                .query(Long.class).optional();
    }

    public record StoredCheckpoint(long treeSize, byte[] rootHash, String note, Instant issuedAt) {
    }

    public Optional<StoredCheckpoint> latestCheckpoint() {
        return jdbc.sql("select tree_size, root_hash, note, issued_at from integrity_checkpoint order by tree_size desc limit 1")
                .query((rs, n) -> new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional();
    }

    public List<String> checkpointNotes() {
        return jdbc.sql("select note from integrity_checkpoint order by tree_size").query(String.class).list();
    }

    /** Stores a checkpoint; false when one of that size is already stored. */
    boolean store(Checkpoint checkpoint) {
        return jdbc.sql("""
                insert into integrity_checkpoint (tree_size, root_hash, note) values (?, ?, ?)
                on conflict (tree_size) do nothing""")
                .param(checkpoint.treeSize()).param(checkpoint.rootHash()).param(checkpoint.text()).update() == 1;
    }

    /** The sealed size, the last global index sealed, the store's head, the indexes recorded as gaps and the last of them. */
    public record Status(long treeSize, Long sealedThrough, long head, long gaps, long gapThrough) {
    }

    public Status status() {
        return jdbc.sql("""
                select (select coalesce(max(leaf_index) + 1, 0) from integrity_leaf),
                       (select max(global_index) from integrity_leaf),
                       (select coalesce(max(global_index), 0) from domain_event_entry),
                       (select coalesce(sum(last_global_index - first_global_index + 1), 0) from integrity_gap),
                       (select coalesce(max(last_global_index), 0) from integrity_gap)""")
                .query((rs, n) -> new Status(rs.getLong(1), (Long) rs.getObject(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .single();
    }
}
