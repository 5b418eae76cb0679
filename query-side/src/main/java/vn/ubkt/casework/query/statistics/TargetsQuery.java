package vn.ubkt.casework.query.statistics;

import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.query.committeetree.Scope;
import vn.ubkt.casework.events.committees.CommitteeKind;
import vn.ubkt.casework.query.committeetree.TreeSnapshot;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.platform.ReadDatabase;

/**
 * The yearly targets a province sets (seed 004): every cell does one inspection and one thematic supervision,
 * and disciplined members stay under a share of all members (0.5% there). Both targets are configuration.
 */
/** The yearly targets of a committee: cells that did an inspection and a thematic supervision, and the violation rate. */
@Component
class TargetsQuery {

    /** The read models, on the replica when there is one. */
    private final JdbcClient jdbc;
    private final CommitteeTree tree;
    private final StatisticsQuery statistics;
    private final double cellsTarget;
    private final double violationCeiling;

    TargetsQuery(ReadDatabase database, CommitteeTree tree, StatisticsQuery statistics,
                      @Value("${casework.targets.cells-meeting-share:1.0}") double cellsTarget,
                      @Value("${casework.targets.violation-rate-ceiling:0.005}") double violationCeiling) {
        this.jdbc = database.readModel();
        this.tree = tree;
        this.statistics = statistics;
        this.cellsTarget = cellsTarget;
        this.violationCeiling = violationCeiling;
    }

    record TargetsView(String committeeId, int year, int cellsMeeting, int cells, double cellsMeetingShare,
                       double cellsMeetingTarget, boolean cellsTargetMet, int disciplinedMembers, Integer partyMembers,
                       Double violationRate, double violationRateCeiling, Boolean violationRateMet) {
    }

    TargetsView targets(String id, int year) {
        if (year < 1930 || year > 2100) {
            throw new IllegalArgumentException("year must be between 1930 and 2100");
        }
        TreeSnapshot snapshot = tree.snapshot();
        TreeSnapshot.Node attributes = snapshot.node(id).orElseThrow(() -> new NotFoundException("committee", id));
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);

        Set<String> inspecting = new HashSet<>();
        Set<String> supervising = new HashSet<>();
        Set<String> cellsInScope = new HashSet<>();
        for (TreeSnapshot.Piece piece : tree.pieces(id, from, to, true)) {
            Set<String> cellsOfPiece = new HashSet<>();
            piece.nodes().stream().filter(node -> snapshot.node(node).map(n -> n.kind() == CommitteeKind.CELL).orElse(false))
                    .forEach(cellsOfPiece::add);
            cellsInScope.addAll(cellsOfPiece);
            if (cellsOfPiece.isEmpty()) {
                continue;
            }
            jdbc.sql("""
                    select distinct c.committee_id, c.metric in (:inspected) from stat_counter c
                    where c.perspective = 'ACTOR' and c.committee_id = any(:cells) and c.day between :from and :to
                      and (c.metric in (:inspected) or c.metric in (:thematic))""")
                    .param("cells", cellsOfPiece.toArray(String[]::new)).param("from", piece.from()).param("to", piece.to())
                    .param("inspected", Metric.keys(Metric.opened(CaseType.Group.INSPECTION, Metric.Kind.ORGANIZATIONS),
                            Metric.opened(CaseType.Group.INSPECTION, Metric.Kind.MEMBERS)))
                    .param("thematic", Metric.keys(Metric.openedByType(CaseType.SUPERVISION_THEMATIC, Metric.Kind.ORGANIZATIONS),
                            Metric.openedByType(CaseType.SUPERVISION_THEMATIC, Metric.Kind.MEMBERS)))
                    .query((rs, n) -> (rs.getBoolean(2) ? inspecting : supervising).add(rs.getString(1))).list();
        }
        inspecting.retainAll(supervising);
        int cells = attributes.cells() != null ? attributes.cells() : cellsInScope.size();
        double share = cells == 0 ? 0 : (double) inspecting.size() / cells;

        int disciplined = statistics.statistics(id, from, to, Scope.SUBTREE, Perspective.SUBJECT).disciplined().members().get("total");
        Double rate = attributes.partyMembers() == null || attributes.partyMembers() == 0 ? null
                : (double) disciplined / attributes.partyMembers();
        return new TargetsView(id, year, inspecting.size(), cells, share, cellsTarget, cells > 0 && share >= cellsTarget,
                disciplined, attributes.partyMembers(), rate, violationCeiling, rate == null ? null : rate <= violationCeiling);
    }
}
