package vn.ubkt.casework.query.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.committeetree.Scope;
import vn.ubkt.casework.query.committeetree.TreeSnapshot;
import vn.ubkt.casework.query.platform.ReadDatabase;

/**
 * Reads the facts of the statistics read model: those of a committee (alone or with its subtree) over a period, from
 * a perspective, selected exactly as the counters are summed (the tree as it stood on each day, piece by piece).
 */
@Component
public class FactsQuery {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final CommitteeTree tree;

    FactsQuery(ReadDatabase database, CommitteeTree tree) {
        this.jdbc = database.readModel();
        this.tree = tree;
    }

    public List<Fact> facts(String committeeId, LocalDate from, LocalDate to, Scope scope, Perspective perspective,
                            Collection<Fact.Step> steps) {
        String column = perspective == Perspective.ACTOR ? "actor_id" : "subject_org_id";
        List<Fact> facts = new ArrayList<>();
        for (TreeSnapshot.Piece piece : tree.pieces(committeeId, from, to, scope == Scope.SUBTREE)) {
            facts.addAll(jdbc.sql("select aggregate_id, sequence, step, day, actor_id, subject_org_id, case_id, facts::text"
                            + " from stat_fact where " + column + " in (:nodes) and day between :from and :to"
                            + " and step in (:steps) order by day, aggregate_id, sequence")
                    .param("nodes", piece.nodes()).param("from", piece.from()).param("to", piece.to())
                    .param("steps", steps.stream().map(Enum::name).toList())
                    .query((rs, n) -> fact(rs)).list());
        }
        return facts;
    }

    /** The facts recorded for these cases (any step, any day): what changed in a case after a lock. */
    public List<Fact> factsOfCases(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select aggregate_id, sequence, step, day, actor_id, subject_org_id, case_id, facts::text"
                        + " from stat_fact where case_id = any(:ids) order by day, aggregate_id, sequence")
                .param("ids", caseIds.toArray(String[]::new)).query((rs, n) -> fact(rs)).list();
    }

    @SuppressWarnings("unchecked")
    private static Fact fact(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Fact(rs.getString(1), rs.getLong(2), Fact.Step.valueOf(rs.getString(3)), rs.getObject(4, LocalDate.class),
                rs.getString(5), rs.getString(6), rs.getString(7), JSON.readValue(rs.getString(8), Map.class));
    }
}
