package vn.ubkt.casework.query.integrity;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Recomputes the log from the event rows and names what does not match: the rows against the sealed leaves
 * ({@code MODIFIED}, {@code DELETED}, {@code INSERTED}, {@code REORDERED}, {@code TRUNCATED}), and the sealed leaves
 * against signed checkpoints ({@code FORKED} when the log itself was rewritten, {@code BAD_SIGNATURE} when a
 * checkpoint was not signed by the log's key). Each finding carries the first global index concerned. The rows and
 * the leaves are streamed side by side in global order, so memory stays small whatever the size of the store.
 */
public class Verifier {

    public enum Kind { MODIFIED, DELETED, INSERTED, REORDERED, TRUNCATED, FORKED, BAD_SIGNATURE }

    public record Finding(Long globalIndex, Kind kind, String detail) {
    }

    public record Result(boolean ok, long treeSize, long checkedEvents, List<Finding> findings) {
    }

    private static final int FETCH = 2000;

    private final DataSource dataSource;
    private final Optional<NoteKey> key;

    public Verifier(DataSource dataSource, Optional<NoteKey> key) {
        this.dataSource = dataSource;
        this.key = key.map(NoteKey::verifierOnly);
    }

    /** Verifies the store against the sealed log, the checkpoints stored with it and {@code given} (checkpoint text). */
    public Result verify(String given) throws SQLException {
        List<Checkpoint.Parsed> notes = new ArrayList<>();
        if (given != null && !given.isBlank()) {
            notes.addAll(Checkpoint.parseAll(given));
        }
        try (Connection rowsConnection = dataSource.getConnection();
             Connection ledgerConnection = dataSource.getConnection()) {
            for (String stored : storedNotes(ledgerConnection)) {
                notes.addAll(Checkpoint.parseAll(stored));
            }
            return verify(rowsConnection, ledgerConnection, notes);
        }
    }

    private static List<String> storedNotes(Connection connection) throws SQLException {
        List<String> notes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select note from integrity_checkpoint order by tree_size");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                notes.add(rs.getString(1));
            }
        }
        return notes;
    }

    private record Sealed(long leafIndex, long globalIndex, String eventIdentifier, byte[] leafHash) {
    }

    private record Mismatch(long globalIndex, String sealedEvent, String rowEvent) {
    }

    private Result verify(Connection rowsConnection, Connection ledgerConnection, List<Checkpoint.Parsed> notes)
            throws SQLException {
        List<Finding> findings = new ArrayList<>();
        // the checkpoints to compare, by tree size (one per size: the same size signed twice must agree anyway)
        TreeMap<Long, List<Checkpoint>> bySize = new TreeMap<>();
        List<Checkpoint.Parsed> unsigned = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Checkpoint.Parsed note : notes) {
            if (!seen.add(note.text())) {
                continue;
            }
            if (note.checkpoint() == null || key.isEmpty() || !note.signedBy(key.get())) {
                unsigned.add(note);
            } else {
                bySize.computeIfAbsent(note.checkpoint().treeSize(), size -> new ArrayList<>()).add(note.checkpoint());
            }
        }

        rowsConnection.setAutoCommit(false);
        ledgerConnection.setAutoCommit(false);
        rowsConnection.setReadOnly(true);
        ledgerConnection.setReadOnly(true);
        List<Mismatch> mismatches = new ArrayList<>();
        List<long[]> missing = new ArrayList<>(); // runs of sealed leaves without their row: {first leaf, first gi, count}
        List<Long> inserted = new ArrayList<>();
        Map<Long, Long> globalIndexAtLeaf = new HashMap<>();
        Set<Long> interesting = new HashSet<>(Set.of(0L));
        bySize.keySet().forEach(size -> {
            interesting.add(size);
            interesting.add(size - 1);
        });
        unsigned.stream().filter(note -> note.checkpoint() != null)
                .forEach(note -> interesting.add(note.checkpoint().treeSize() - 1));
        MerkleTree.Frontier frontier = new MerkleTree.Frontier();
        Long firstForked = null;
        long lastAgreeing = 0;
        long checked = 0;
        long lastSealedGlobalIndex = 0;
        try (PreparedStatement rowsStatement = rowsConnection.prepareStatement(
                "select " + EventLeaf.COLUMNS + " from domain_event_entry order by global_index");
             PreparedStatement ledgerStatement = ledgerConnection.prepareStatement(
                     "select leaf_index, global_index, event_identifier, leaf_hash from integrity_leaf order by leaf_index")) {
            rowsStatement.setFetchSize(FETCH);
            ledgerStatement.setFetchSize(FETCH);
            try (ResultSet rows = rowsStatement.executeQuery(); ResultSet ledger = ledgerStatement.executeQuery()) {
                EventLeaf row = rows.next() ? EventLeaf.read(rows) : null;
                Sealed sealed = ledger.next() ? sealed(ledger) : null;
                long expectedLeaf = 0;
                while (row != null || sealed != null) {
                    if (sealed != null && sealed.leafIndex() != expectedLeaf) {
                        // the log's own leaves were deleted: nothing after this point can be compared
                        findings.add(new Finding(sealed.globalIndex(), Kind.FORKED, "the log has no leaf " + expectedLeaf
                                + ": its own records were deleted"));
                        break;
                    }
                    if (sealed != null && (row == null || sealed.globalIndex() < row.globalIndex())) {
                        // a sealed event whose row is gone
                        if (!missing.isEmpty() && missing.get(missing.size() - 1)[0] + missing.get(missing.size() - 1)[2]
                                == sealed.leafIndex()) {
                            missing.get(missing.size() - 1)[2]++;
                        } else {
                            missing.add(new long[] {sealed.leafIndex(), sealed.globalIndex(), 1});
                        }
                    } else if (sealed == null || row.globalIndex() < sealed.globalIndex()) {
                        // a row the log never sealed: beyond the sealed end it is merely not sealed yet
                        checked++;
                        if (sealed != null) {
                            inserted.add(row.globalIndex());
                        }
                        row = rows.next() ? EventLeaf.read(rows) : null;
                        continue;
                    } else {
                        checked++;
                        if (!MessageDigest.isEqual(row.leafHash(), sealed.leafHash())) {
                            mismatches.add(new Mismatch(row.globalIndex(), sealed.eventIdentifier(), row.eventIdentifier()));
                        }
                        row = rows.next() ? EventLeaf.read(rows) : null;
                    }
                    // the sealed leaf is consumed: the log as sealed grows by it
                    frontier.append(sealed.leafHash());
                    lastSealedGlobalIndex = sealed.globalIndex();
                    if (interesting.contains(sealed.leafIndex())) {
                        globalIndexAtLeaf.put(sealed.leafIndex(), sealed.globalIndex());
                    }
                    List<Checkpoint> vouching = bySize.get(frontier.size());
                    if (vouching != null && firstForked == null) {
                        byte[] root = frontier.root();
                        if (vouching.stream().allMatch(c -> MessageDigest.isEqual(c.rootHash(), root))) {
                            lastAgreeing = frontier.size();
                        } else {
                            firstForked = frontier.size();
                        }
                    }
                    expectedLeaf++;
                    sealed = ledger.next() ? sealed(ledger) : null;
                }
            }
        } finally {
            rowsConnection.rollback();
            ledgerConnection.rollback();
        }
        long treeSize = frontier.size();

        // rows against leaves
        for (int i = 0; i < missing.size(); i++) {
            long[] run = missing.get(i);
            boolean tail = run[0] + run[2] == treeSize;
            findings.add(new Finding(run[1], tail ? Kind.TRUNCATED : Kind.DELETED, tail
                    ? "the last " + run[2] + " sealed event(s), from leaf " + run[0] + ", are no longer in the store"
                    : run[2] + " sealed event(s) from leaf " + run[0] + " are no longer in the store"));
        }
        for (Long globalIndex : inserted) {
            findings.add(new Finding(globalIndex, Kind.INSERTED,
                    "an event row the log never sealed, among sealed ones"));
        }
        Map<String, Mismatch> byRowEvent = new HashMap<>();
        mismatches.forEach(m -> byRowEvent.put(m.rowEvent(), m));
        Set<Long> paired = new HashSet<>();
        for (Mismatch mismatch : mismatches) {
            if (paired.contains(mismatch.globalIndex())) {
                continue;
            }
            Mismatch partner = byRowEvent.get(mismatch.sealedEvent());
            if (partner != null && partner != mismatch && mismatch.rowEvent().equals(partner.sealedEvent())) {
                paired.add(partner.globalIndex());
                findings.add(new Finding(Math.min(mismatch.globalIndex(), partner.globalIndex()), Kind.REORDERED,
                        "the events sealed at global indexes " + mismatch.globalIndex() + " and " + partner.globalIndex()
                                + " have changed places"));
            } else {
                findings.add(new Finding(mismatch.globalIndex(), Kind.MODIFIED,
                        "the stored bytes of the event no longer hash to its sealed leaf"));
            }
        }

        // leaves against signed checkpoints
        for (Checkpoint.Parsed note : unsigned) {
            Long at = note.checkpoint() == null ? null : globalIndexAtLeaf.get(note.checkpoint().treeSize() - 1);
            findings.add(new Finding(at, Kind.BAD_SIGNATURE, note.problem() != null ? note.problem()
                    : key.isEmpty() ? "no verifier key is configured to check the checkpoint"
                    : "the checkpoint of tree size " + note.checkpoint().treeSize() + " is not signed by " + key.get().name()));
        }
        if (firstForked != null) {
            findings.add(new Finding(globalIndexAtLeaf.get(lastAgreeing), Kind.FORKED,
                    "the log's root at tree size " + firstForked + " is not the signed one: the log was rewritten after leaf "
                            + lastAgreeing + (lastAgreeing == 0 ? "" : " (the last signed size that still agrees)")));
        }
        Map.Entry<Long, List<Checkpoint>> largest = bySize.lastEntry();
        if (largest != null && largest.getKey() > treeSize) {
            findings.add(new Finding(treeSize == 0 ? null : lastSealedGlobalIndex + 1, Kind.TRUNCATED,
                    "a signed checkpoint vouches for " + largest.getKey() + " events; the log holds " + treeSize));
        }
        findings.sort(Comparator.comparing(Finding::globalIndex, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Finding::kind));
        return new Result(findings.isEmpty(), treeSize, checked, List.copyOf(findings));
    }

    private static Sealed sealed(ResultSet rs) throws SQLException {
        return new Sealed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4));
    }
}
