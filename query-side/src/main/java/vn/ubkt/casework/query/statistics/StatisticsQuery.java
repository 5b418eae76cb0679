package vn.ubkt.casework.query.statistics;

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

/** Sums the counters of the committees in scope, piece by piece of the period, into the API's shape. */
@Component
public class StatisticsQuery {

    private final JdbcClient jdbc;
    private final TreeHistory tree;

    StatisticsQuery(JdbcClient jdbc, TreeHistory tree) {
        this.jdbc = jdbc;
        this.tree = tree;
    }

    /** metric → by-committee → count. */
    private Map<String, Map<String, Integer>> sums(String committeeId, LocalDate from, LocalDate to, boolean subtree,
                                                   String perspective) {
        Map<String, Map<String, Integer>> sums = new HashMap<>();
        for (TreeHistory.Piece piece : tree.pieces(committeeId, from, to, subtree)) {
            jdbc.sql("""
                    select metric, by_committee_id, sum(count) from stat_counter
                    where perspective = :p and committee_id in (:nodes) and day between :from and :to
                    group by metric, by_committee_id""")
                    .param("p", perspective).param("nodes", piece.nodes()).param("from", piece.from())
                    .param("to", piece.to())
                    .query((rs, n) -> sums.computeIfAbsent(rs.getString(1), key -> new HashMap<>())
                            .merge(rs.getString(2), rs.getInt(3), Integer::sum))
                    .list();
        }
        return sums;
    }

    public StatisticsView statistics(String committeeId, LocalDate from, LocalDate to, String scope, String perspective) {
        Map<String, Map<String, Integer>> sums = sums(committeeId, from, to, scope.equals("SUBTREE"), perspective);
        Counter c = new Counter(sums);

        Map<String, StatisticsView.Count> inspectedByType = new LinkedHashMap<>();
        Map<String, StatisticsView.Count> supervisedByType = new LinkedHashMap<>();
        for (CaseType type : CaseType.values()) {
            if (type.group() == CaseType.Group.INSPECTION) {
                inspectedByType.put(type.name(), c.count("inspected.byType." + type.name() + "."));
            } else if (type.group() == CaseType.Group.SUPERVISION) {
                supervisedByType.put(type.name(), c.count("supervised.byType." + type.name() + "."));
            }
        }
        Map<String, Object> concluded = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            concluded.put(outcome.name(), c.count("concluded." + outcome.name() + "."));
        }
        concluded.put("disciplineWarranted", c.count("concluded.disciplineWarranted."));

        Map<String, Integer> categories = new LinkedHashMap<>();
        for (ViolationCategory category : ViolationCategory.values()) {
            categories.put(category.name(), c.get("violationCategories." + category.name()));
        }
        Map<String, Integer> denunciationResults = new LinkedHashMap<>();
        for (DenunciationResult result : DenunciationResult.values()) {
            denunciationResults.put(result.name(), c.get("denunciations.byResult." + result.name()));
        }
        Map<String, Integer> appealResults = new LinkedHashMap<>();
        for (AppealResult result : AppealResult.values()) {
            appealResults.put(result.name(), c.get("appeals.byResult." + result.name()));
        }

        StatisticsView.Count inspected = c.count("inspected.");
        StatisticsView.Count supervised = c.count("supervised.");
        return new StatisticsView(committeeId, from, to, scope, perspective,
                new StatisticsView.Inspected(inspected.organizations(), inspected.members(),
                        c.get("inspected.committeeMembers"), inspectedByType),
                new StatisticsView.Supervised(supervised.organizations(), supervised.members(), supervisedByType),
                concluded,
                new StatisticsView.Disciplined(forms(sums, "organizations", DisciplineForm.ORGANIZATION_FORMS, null),
                        forms(sums, "members", DisciplineForm.MEMBER_FORMS, null),
                        c.count("disciplined.notImposed."), c.count("disciplined.proposedUpward."),
                        byDecidingCommittee(sums)),
                categories,
                new StatisticsView.Denunciations(c.get("denunciations.received"), c.get("denunciations.accepted"),
                        c.get("denunciations.transferred"), c.get("denunciations.dismissed"),
                        c.get("denunciations.resolved"), denunciationResults),
                new StatisticsView.Appeals(c.get("appeals.filed"), c.get("appeals.resolved"), appealResults),
                new StatisticsView.Suspended(c.get("suspended.members"), c.get("suspended.committeeMembers")));
    }

    private static Map<String, Integer> forms(Map<String, Map<String, Integer>> sums, String kind,
                                              List<DisciplineForm> forms, String byCommittee) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int total = 0;
        for (DisciplineForm form : forms) {
            Map<String, Integer> byDecider = sums.getOrDefault("disciplined." + kind + "." + form.name(), Map.of());
            int count = byCommittee == null ? byDecider.values().stream().mapToInt(Integer::intValue).sum()
                    : byDecider.getOrDefault(byCommittee, 0);
            counts.put(form.name(), count);
            total += count;
        }
        counts.put("total", total);
        return counts;
    }

    private List<StatisticsView.ByDecidingCommittee> byDecidingCommittee(Map<String, Map<String, Integer>> sums) {
        TreeMap<String, Boolean> deciders = new TreeMap<>();
        sums.forEach((metric, byCommittee) -> {
            if (metric.startsWith("disciplined.members.") || metric.startsWith("disciplined.organizations.")) {
                byCommittee.keySet().stream().filter(id -> !id.isEmpty()).forEach(id -> deciders.put(id, true));
            }
        });
        List<StatisticsView.ByDecidingCommittee> rows = new ArrayList<>();
        for (String decider : deciders.keySet()) {
            String name = jdbc.sql("select name from committee_node where id = :id").param("id", decider)
                    .query(String.class).optional().orElse(decider);
            rows.add(new StatisticsView.ByDecidingCommittee(decider, name,
                    forms(sums, "organizations", DisciplineForm.ORGANIZATION_FORMS, decider),
                    forms(sums, "members", DisciplineForm.MEMBER_FORMS, decider)));
        }
        return rows;
    }

    /** Reads summed counters; a metric nobody counted is zero. */
    private record Counter(Map<String, Map<String, Integer>> sums) {

        int get(String metric) {
            return sums.getOrDefault(metric, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }

        StatisticsView.Count count(String prefix) {
            return new StatisticsView.Count(get(prefix + "organizations"), get(prefix + "members"));
        }
    }
}
