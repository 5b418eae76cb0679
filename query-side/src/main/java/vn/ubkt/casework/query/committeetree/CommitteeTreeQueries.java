package vn.ubkt.casework.query.committeetree;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.events.committees.CommitteeLevel;

/** Table access for the committee-tree read model. */
@Repository
class CommitteeTreeQueries {

    /** A node with the parent link in force on a date (null when it hung under nothing then). */
    record NodeRow(String id, String name, CommitteeKind kind, CommitteeLevel level, String parentId,
                   LocalDate establishedOn, LocalDate dissolvedOn, String successorId, String dissolutionReason,
                   Integer votingMembers, Integer partyMembers, Integer cells, long lastSequence) {

        boolean standsOn(LocalDate date) {
            return (establishedOn == null || !establishedOn.isAfter(date))
                    && (dissolvedOn == null || date.isBefore(dissolvedOn));
        }
    }

    private static final String NODE_COLUMNS = """
            n.id, n.name, n.kind, n.level, l.parent_id, n.established_on, n.dissolved_on, n.successor_id,
            n.dissolution_reason, n.voting_members, n.party_members, n.cells, n.last_sequence""";

    /** The latest link whose validity began on or before the date; a null start means since always. */
    private static final String LINK_ON_DATE = """
            left join lateral (
                select parent_id from committee_parent_link pl
                where pl.node_id = n.id and (pl.valid_from is null or pl.valid_from <= :on)
                order by pl.valid_from desc nulls last, pl.sequence desc
                limit 1) l on true""";

    private final JdbcClient jdbc;

    CommitteeTreeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<NodeRow> allOn(LocalDate on) {
        return jdbc.sql("select " + NODE_COLUMNS + " from committee_node n " + LINK_ON_DATE)
                .param("on", on)
                .query(CommitteeTreeQueries::node)
                .list();
    }

    Optional<NodeRow> currentNode(String id) {
        return jdbc.sql("select " + NODE_COLUMNS + " from committee_node n " + LINK_ON_DATE.replace(":on", "'infinity'::date")
                        + " where n.id = :id")
                .param("id", id)
                .query(CommitteeTreeQueries::node)
                .optional();
    }

    List<CommitteeDetailView.ParentLink> history(String id) {
        return jdbc.sql("""
                select pl.valid_from, pl.parent_id, p.name from committee_parent_link pl
                left join committee_node p on p.id = pl.parent_id
                where pl.node_id = :id order by pl.valid_from nulls first, pl.sequence""")
                .param("id", id)
                .query((rs, n) -> new CommitteeDetailView.ParentLink(
                        rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    List<CommitteeDetailView.Predecessor> predecessors(String id) {
        return jdbc.sql("select id, name, kind, dissolved_on from committee_node where successor_id = :id order by dissolved_on, id")
                .param("id", id)
                .query((rs, n) -> new CommitteeDetailView.Predecessor(rs.getString(1), rs.getString(2),
                        CommitteeKind.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class)))
                .list();
    }

    private static NodeRow node(ResultSet rs, int row) throws SQLException {
        return new NodeRow(rs.getString(1), rs.getString(2), CommitteeKind.valueOf(rs.getString(3)),
                CommitteeLevel.valueOf(rs.getString(4)), rs.getString(5), rs.getObject(6, LocalDate.class),
                rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), (Integer) rs.getObject(10),
                (Integer) rs.getObject(11), (Integer) rs.getObject(12), rs.getLong(13));
    }
}
