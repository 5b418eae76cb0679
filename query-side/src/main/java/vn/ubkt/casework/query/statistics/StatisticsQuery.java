package vn.ubkt.casework.query.statistics;

import java.util.Set;
import vn.ubkt.casework.query.committeetree.Scope;
import vn.ubkt.casework.query.committeetree.TreeSnapshot;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.events.cases.AppealResult;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.DenunciationResult;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.ViolationCategory;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ubkt.casework.query.platform.ReadDatabase;

/** Sums the counters of the committees in scope, piece by piece of the period, into the API's shape. */
@Component
public class StatisticsQuery {

    private final JdbcClient jdbc;
    private final CommitteeTree tree;

    /** The live read model, on the replica when there is one. */
    @Autowired
    StatisticsQuery(ReadDatabase database, CommitteeTree tree) {
        this(database.readModel(), tree);
    }

    private StatisticsQuery(JdbcClient jdbc, CommitteeTree tree) {
        this.jdbc = jdbc;
        this.tree = tree;
    }

    /** The statistics of the counters read through {@code jdbc} and {@code tree} (a scratch copy of the read models). */
    public static StatisticsQuery over(JdbcClient jdbc, CommitteeTree tree) {
        return new StatisticsQuery(jdbc, tree);
    }

    /** metric → by-committee → count. */
    private Map<String, Map<String, Integer>> sums(String committeeId, LocalDate from, LocalDate to, boolean subtree,
                                                   String perspective) {
        Map<String, Map<String, Integer>> sums = new HashMap<>();
        for (TreeSnapshot.Piece piece : tree.pieces(committeeId, from, to, subtree)) {
            jdbc.sql("""
                    select metric, by_committee_id, sum(count) from stat_counter
                    where perspective = :p and committee_id = any(:nodes) and day between :from and :to
                    group by metric, by_committee_id""")
                    .param("p", perspective).param("nodes", piece.nodes().toArray(String[]::new)).param("from", piece.from())
                    .param("to", piece.to())
                    .query((rs, n) -> sums.computeIfAbsent(rs.getString(1), key -> new HashMap<>())
                            .merge(rs.getString(2), rs.getInt(3), Integer::sum))
                    .list();
        }
        return sums;
    }

    public StatisticsView statistics(String committeeId, LocalDate from, LocalDate to, Scope scope, Perspective perspective) {
        Map<String, Map<String, Integer>> sums = sums(committeeId, from, to, scope == Scope.SUBTREE, perspective.name());
        Counter c = new Counter(sums);

        Map<String, StatisticsView.Count> inspectedByType = new LinkedHashMap<>();
        Map<String, StatisticsView.Count> supervisedByType = new LinkedHashMap<>();
        for (CaseType type : CaseType.values()) {
            if (type.group() == CaseType.Group.INSPECTION) {
                inspectedByType.put(type.name(), c.count(kind -> Metric.openedByType(type, kind)));
            } else if (type.group() == CaseType.Group.SUPERVISION) {
                supervisedByType.put(type.name(), c.count(kind -> Metric.openedByType(type, kind)));
            }
        }
        StatisticsView.Concluded concluded = new StatisticsView.Concluded(
                c.count(kind -> Metric.concluded(Outcome.NO_VIOLATION, kind)),
                c.count(kind -> Metric.concluded(Outcome.SHORTCOMING, kind)),
                c.count(kind -> Metric.concluded(Outcome.VIOLATION, kind)),
                c.count(kind -> Metric.concluded(Outcome.SIGNS_OF_VIOLATION, kind)),
                c.count(Metric::disciplineWarranted));

        Map<String, Integer> categories = new LinkedHashMap<>();
        for (ViolationCategory category : ViolationCategory.values()) {
            categories.put(category.name(), c.get(Metric.violationCategory(category)));
        }
        Map<String, Integer> denunciationResults = new LinkedHashMap<>();
        for (DenunciationResult result : DenunciationResult.values()) {
            denunciationResults.put(result.name(), c.get(Metric.denunciationResult(result)));
        }
        Map<String, Integer> appealResults = new LinkedHashMap<>();
        for (AppealResult result : AppealResult.values()) {
            appealResults.put(result.name(), c.get(Metric.appealResult(result)));
        }

        StatisticsView.Count inspected = c.count(kind -> Metric.opened(CaseType.Group.INSPECTION, kind));
        StatisticsView.Count supervised = c.count(kind -> Metric.opened(CaseType.Group.SUPERVISION, kind));
        return new StatisticsView(committeeId, from, to, scope, perspective,
                new StatisticsView.Inspected(inspected.organizations(), inspected.members(),
                        c.get(Metric.INSPECTED_COMMITTEE_MEMBERS), inspectedByType),
                new StatisticsView.Supervised(supervised.organizations(), supervised.members(), supervisedByType),
                concluded,
                new StatisticsView.Disciplined(forms(sums, Metric.Kind.ORGANIZATIONS, DisciplineForm.ORGANIZATION_FORMS, null),
                        forms(sums, Metric.Kind.MEMBERS, DisciplineForm.MEMBER_FORMS, null),
                        c.count(Metric::notImposed), c.count(Metric::proposedUpward),
                        byDecidingCommittee(sums)),
                categories,
                new StatisticsView.Denunciations(c.get(Metric.DENUNCIATIONS_RECEIVED), c.get(Metric.DENUNCIATIONS_ACCEPTED),
                        c.get(Metric.DENUNCIATIONS_TRANSFERRED), c.get(Metric.DENUNCIATIONS_DISMISSED),
                        c.get(Metric.DENUNCIATIONS_RESOLVED), denunciationResults),
                new StatisticsView.Appeals(c.get(Metric.APPEALS_FILED), c.get(Metric.APPEALS_RESOLVED), appealResults),
                new StatisticsView.Suspended(c.get(Metric.SUSPENDED_MEMBERS), c.get(Metric.SUSPENDED_COMMITTEE_MEMBERS)));
    }

    private static Map<String, Integer> forms(Map<String, Map<String, Integer>> sums, Metric.Kind kind,
                                              List<DisciplineForm> forms, String byCommittee) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int total = 0;
        for (DisciplineForm form : forms) {
            Map<String, Integer> byDecider = sums.getOrDefault(Metric.disciplined(kind, form).key(), Map.of());
            int count = byCommittee == null ? byDecider.values().stream().mapToInt(Integer::intValue).sum()
                    : byDecider.getOrDefault(byCommittee, 0);
            counts.put(form.name(), count);
            total += count;
        }
        counts.put("total", total);
        return counts;
    }

    private List<StatisticsView.ByDecidingCommittee> byDecidingCommittee(Map<String, Map<String, Integer>> sums) {
        TreeSnapshot snapshot = tree.snapshot();
        TreeMap<String, Boolean> deciders = new TreeMap<>();
        Set<String> disciplined = Metric.disciplinedKeys();
        sums.forEach((metric, byCommittee) -> {
            if (disciplined.contains(metric)) {
                byCommittee.keySet().stream().filter(id -> !id.isEmpty()).forEach(id -> deciders.put(id, true));
            }
        });
        List<StatisticsView.ByDecidingCommittee> rows = new ArrayList<>();
        for (String decider : deciders.keySet()) {
            String name = snapshot.name(decider);
            rows.add(new StatisticsView.ByDecidingCommittee(decider, name,
                    forms(sums, Metric.Kind.ORGANIZATIONS, DisciplineForm.ORGANIZATION_FORMS, decider),
                    forms(sums, Metric.Kind.MEMBERS, DisciplineForm.MEMBER_FORMS, decider)));
        }
        return rows;
    }

    /** Reads summed counters; a metric nobody counted is zero. */
    private record Counter(Map<String, Map<String, Integer>> sums) {

        int get(Metric metric) {
            return sums.getOrDefault(metric.key(), Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }

        StatisticsView.Count count(java.util.function.Function<Metric.Kind, Metric> metric) {
            return new StatisticsView.Count(get(metric.apply(Metric.Kind.ORGANIZATIONS)), get(metric.apply(Metric.Kind.MEMBERS)));
        }
    }
}
