package vn.ubkt.casework.query.committeetree;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.events.committees.CommitteeCountsChanged;
import vn.ubkt.casework.events.committees.CommitteeDissolved;
import vn.ubkt.casework.events.committees.CommitteeMoved;
import vn.ubkt.casework.events.committees.CommitteeRegistered;
import vn.ubkt.casework.events.committees.CommitteeRenamed;
import vn.ubkt.casework.query.platform.EventBatch;

/**
 * Keeps every node and every parent link with its validity date, so the tree of any date can be read.
 * Idempotent: a node's row records the last sequence applied, links are keyed by sequence, so a
 * redelivered event changes nothing.
 */
@Component
@ProcessingGroup(CommitteeTreeProjection.NAME)
class CommitteeTreeProjection {

    static final String NAME = "committee-tree";

    private final JdbcClient jdbc;

    CommitteeTreeProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommitteeRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        treeChanged();
        jdbc.sql("""
                insert into committee_node (id, name, kind, level, established_on, voting_members, party_members,
                                            cells, registered_at, last_sequence)
                values (:id, :name, :kind, :level, :establishedOn, :voting, :members, :cells, :at, :seq)
                on conflict (id) do nothing""")
                .param("id", event.committeeId().value())
                .param("name", event.name())
                .param("kind", event.kind().name())
                .param("level", event.level().name())
                .param("establishedOn", event.establishedOn())
                .param("voting", event.votingMembers())
                .param("members", event.partyMembers())
                .param("cells", event.cells())
                .param("at", java.sql.Timestamp.from(recordedAt))
                .param("seq", sequence)
                .update();
        link(event.committeeId().value(), sequence, event.establishedOn(),
                event.parentId() == null ? null : event.parentId().value());
    }

    @EventHandler
    void on(CommitteeRenamed event, @SequenceNumber long sequence) {
        treeChanged();
        jdbc.sql("update committee_node set name = :name, last_sequence = :seq where id = :id and last_sequence < :seq")
                .param("name", event.name()).param("seq", sequence).param("id", event.committeeId().value()).update();
    }

    @EventHandler
    void on(CommitteeCountsChanged event, @SequenceNumber long sequence) {
        treeChanged();
        jdbc.sql("""
                update committee_node set voting_members = :voting, party_members = :members, cells = :cells,
                       last_sequence = :seq
                where id = :id and last_sequence < :seq""")
                .param("voting", event.votingMembers()).param("members", event.partyMembers())
                .param("cells", event.cells()).param("seq", sequence).param("id", event.committeeId().value())
                .update();
    }

    @EventHandler
    void on(CommitteeMoved event, @SequenceNumber long sequence) {
        treeChanged();
        link(event.committeeId().value(), sequence, event.movedOn(), event.parentId().value());
        jdbc.sql("update committee_node set last_sequence = :seq where id = :id and last_sequence < :seq")
                .param("seq", sequence).param("id", event.committeeId().value()).update();
    }

    @EventHandler
    void on(CommitteeDissolved event, @SequenceNumber long sequence) {
        treeChanged();
        jdbc.sql("""
                update committee_node set dissolved_on = :on, successor_id = :successor, dissolution_reason = :reason,
                       last_sequence = :seq
                where id = :id and last_sequence < :seq""")
                .param("on", event.dissolvedOn())
                .param("successor", event.successorId() == null ? null : event.successorId().value())
                .param("reason", event.reason()).param("seq", sequence).param("id", event.committeeId().value())
                .update();
    }

    private void link(String node, long sequence, java.time.LocalDate validFrom, String parent) {
        jdbc.sql("""
                insert into committee_parent_link (node_id, sequence, valid_from, parent_id)
                values (:node, :seq, :from, :parent) on conflict do nothing""")
                .param("node", node).param("seq", sequence).param("from", validFrom).param("parent", parent)
                .update();
    }

    /**
     * Every change to the tree raises its version in the same transaction ({@code TreeWalk}, {@code CommitteeTree}):
     * once per batch, just before it commits. Raised once per event, the one row was updated up to 2,000 times in a
     * transaction, each update walking the row's chain of versions made before it in that transaction: 0.36 ms an
     * update, two thirds of this projection's rebuild (docs/BENCHMARKS.md, "Rebuilds").
     */
    private void treeChanged() {
        EventBatch.current(NAME, messages -> new TreeChanged());
    }

    private final class TreeChanged implements EventBatch.State {
        @Override
        public void flush() {
            jdbc.sql("update committee_tree_version set version = version + 1").update();
        }
    }
}
