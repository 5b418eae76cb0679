package vn.ubkt.casework.command.committees;

import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.command.rules.TreeView;
import vn.ubkt.casework.events.committees.CommitteeCountsChanged;
import vn.ubkt.casework.events.committees.CommitteeDissolved;
import vn.ubkt.casework.events.committees.CommitteeId;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;
import vn.ubkt.casework.events.committees.CommitteeMoved;
import vn.ubkt.casework.events.committees.CommitteeRegistered;

/**
 * The command side's own copy of the tree through time, kept from the committee events by a subscribing
 * processor (in the committing transaction), so rules about one case can read other committees without
 * locking their aggregates and without asking the query side.
 */
@Component
@ProcessingGroup(CommitteeDirectory.PROCESSING_GROUP)
public class CommitteeDirectory implements TreeView, StandingChildren {

    public static final String PROCESSING_GROUP = "command-directory";

    private final JdbcClient jdbc;

    CommitteeDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommitteeRegistered event, @SequenceNumber long sequence) {
        treeChanged();
        jdbc.sql("""
                insert into cmd_committee (id, kind, level, voting_members, established_on, last_sequence)
                values (:id, :kind, :level, :voting, :established, :seq) on conflict (id) do nothing""")
                .param("id", event.committeeId().value()).param("kind", event.kind().name())
                .param("level", event.level().name()).param("voting", event.votingMembers())
                .param("established", event.establishedOn()).param("seq", sequence).update();
        link(event.committeeId(), sequence, event.establishedOn(), event.parentId());
    }

    @EventHandler
    void on(CommitteeCountsChanged event, @SequenceNumber long sequence) {
        treeChanged();
        jdbc.sql("update cmd_committee set voting_members = :voting, last_sequence = :seq where id = :id and last_sequence < :seq")
                .param("voting", event.votingMembers()).param("seq", sequence).param("id", event.committeeId().value())
                .update();
    }

    @EventHandler
    void on(CommitteeMoved event, @SequenceNumber long sequence) {
        treeChanged();
        link(event.committeeId(), sequence, event.movedOn(), event.parentId());
    }

    @EventHandler
    void on(CommitteeDissolved event, @SequenceNumber long sequence) {
        treeChanged();
        jdbc.sql("""
                update cmd_committee set dissolved_on = :on, successor_id = :successor, last_sequence = :seq
                where id = :id and last_sequence < :seq""")
                .param("on", event.dissolvedOn())
                .param("successor", event.successorId() == null ? null : event.successorId().value())
                .param("seq", sequence).param("id", event.committeeId().value()).update();
    }

    private void link(CommitteeId node, long sequence, LocalDate validFrom, CommitteeId parent) {
        jdbc.sql("""
                insert into cmd_committee_link (node_id, sequence, valid_from, parent_id)
                values (:node, :seq, :from, :parent) on conflict do nothing""")
                .param("node", node.value()).param("seq", sequence).param("from", validFrom)
                .param("parent", parent == null ? null : parent.value()).update();
    }

    @Override
    public Optional<Node> node(CommitteeId id) {
        return jdbc.sql("""
                select id, kind, level, voting_members, established_on, dissolved_on, successor_id
                from cmd_committee where id = :id""")
                .param("id", id.value())
                .query((rs, n) -> new Node(CommitteeId.of(rs.getString(1)), CommitteeKind.valueOf(rs.getString(2)),
                        CommitteeLevel.valueOf(rs.getString(3)), (Integer) rs.getObject(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                        rs.getString(7) == null ? null : CommitteeId.of(rs.getString(7))))
                .optional();
    }

    /** Nodes whose parent on {@code date} is {@code parent} and which stand that day (not yet dissolved). */
    @Override
    public java.util.List<CommitteeId> of(CommitteeId parent, LocalDate date) {
        return jdbc.sql("""
                select c.id from cmd_committee c
                where (c.established_on is null or c.established_on <= :on) and (c.dissolved_on is null or c.dissolved_on > :on)
                  and (select l.parent_id from cmd_committee_link l
                       where l.node_id = c.id and (l.valid_from is null or l.valid_from <= :on)
                       order by l.valid_from desc nulls last, l.sequence desc limit 1) = :parent
                order by c.id""")
                .param("parent", parent.value()).param("on", date)
                .query((rs, n) -> CommitteeId.of(rs.getString(1))).list();
    }

    @Override
    public Optional<CommitteeId> parentOn(CommitteeId id, LocalDate date) {
        return jdbc.sql("""
                select parent_id from cmd_committee_link
                where node_id = :id and (valid_from is null or valid_from <= :on)
                order by valid_from desc nulls last, sequence desc limit 1""")
                .param("id", id.value()).param("on", date)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1)).map(CommitteeId::of))
                .optional().flatMap(parent -> parent);
    }

    /** Every change to the directory raises its version in the same transaction ({@code TreeWalk} keeps answers until then). */
    private void treeChanged() {
        jdbc.sql("update cmd_committee_version set version = version + 1").update();
    }
}
