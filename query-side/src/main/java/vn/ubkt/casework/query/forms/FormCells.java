package vn.ubkt.casework.query.forms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.query.access.QueryAccess;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.statistics.Fact;
import vn.ubkt.casework.query.platform.ReadDatabase;

/**
 * The cases (or letters, or suspensions) behind a cell: the facts the cell counts, each shown only when the user may
 * read it (jurisdiction and conflict of interest, narrowed in SQL by {@link QueryAccess#visible}); the others are
 * only counted, so the list and the figure can be compared without disclosing what lies outside.
 */
@Component
class FormCells {

    /** The read models, on the replica when there is one. */
    private final JdbcClient jdbc;
    private final QueryAccess access;
    private final CommitteeTree tree;

    FormCells(ReadDatabase database, QueryAccess access, CommitteeTree tree) {
        this.jdbc = database.readModel();
        this.access = access;
        this.tree = tree;
    }

    /** One counted step: the case (or letter, or suspension) it belongs to, the step and its day. */
    record CellItem(String kind, String id, String step, LocalDate day, String committeeId, String committeeName,
                    String type, String status, String subjectName, Object amount) {
    }

    record CellView(String form, String row, int column, List<String> header, String period, long value, int counted,
                    List<CellItem> items, int outside) {
    }

    CellView view(FormDefinitions.Form form, FormDefinitions.Row row, FormDefinitions.Column column, FormPeriod period,
                  List<Fact> facts) {
        Map<String, Visible> cases = visible("case_view", "committee_id", "subject_member_id",
                "type, status, coalesce(subject_name, '')", facts, f -> f.caseId() != null && isCaseStep(f));
        Map<String, Visible> letters = visible("complaint_view", "committee_id", "accused->>'memberId'",
                "'DENUNCIATION', status, coalesce(accused_name, '')", facts, f -> isLetterStep(f));
        Map<String, Visible> suspensions = visible("suspension_view", "deciding_committee_id", "member_id",
                "kind, '', coalesce(document->'member'->>'fullName', '')", facts, f -> f.step() == Fact.Step.SUSPENDED);
        List<CellItem> items = new ArrayList<>();
        int outside = 0;
        long value = 0;
        for (Fact fact : facts) {
            Object amount = column.sum() == null ? null : fact.attributes().get(column.sum());
            value += column.sum() == null ? 1 : amount instanceof Number n ? n.longValue() : 0;
            String kind = fact.step() == Fact.Step.SUSPENDED ? "SUSPENSION" : isLetterStep(fact) ? "COMPLAINT" : "CASE";
            String id = kind.equals("CASE") ? fact.caseId() : fact.aggregateId();
            Visible visible = (kind.equals("CASE") ? cases : kind.equals("COMPLAINT") ? letters : suspensions).get(id);
            if (visible == null) {
                outside++;
                continue;
            }
            items.add(new CellItem(kind, id, fact.step().name(), fact.day(), fact.actorId(), tree.name(fact.actorId()),
                    visible.type(), visible.status(), visible.subjectName(), amount));
        }
        return new CellView(form.code(), row.key(), column.n(), column.header(), period.code(), value, facts.size(), items,
                outside);
    }

    private record Visible(String type, String status, String subjectName) {
    }

    private Map<String, Visible> visible(String table, String committeeColumn, String memberColumn, String columns,
                                         List<Fact> facts, java.util.function.Predicate<Fact> mine) {
        Set<String> ids = new LinkedHashSet<>();
        for (Fact fact : facts) {
            if (mine.test(fact)) {
                ids.add(fact.step() == Fact.Step.SUSPENDED || isLetterStep(fact) ? fact.aggregateId() : fact.caseId());
            }
        }
        Map<String, Visible> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Map<String, Object> params = new HashMap<>();
        params.put("ids", ids.toArray(String[]::new));
        jdbc.sql("select id, " + columns + " from " + table + " where id = any(:ids) and "
                        + access.visible(committeeColumn, memberColumn, params))
                .params(params)
                .query((rs, n) -> found.put(rs.getString(1), new Visible(rs.getString(2), rs.getString(3), rs.getString(4))))
                .list();
        return found;
    }

    private static boolean isLetterStep(Fact fact) {
        return fact.step().name().startsWith("COMPLAINT_");
    }

    private static boolean isCaseStep(Fact fact) {
        return fact.step() != Fact.Step.SUSPENDED && !isLetterStep(fact);
    }
}
