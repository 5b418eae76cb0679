package vn.ubkt.casework.query.casedetail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.ubkt.casework.query.access.QueryAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Table access for the case-detail read model. */
@Repository
class CaseQueries {

    record Filter(Set<String> committees, String status, String type, String subjectType, String q, LocalDate from,
                  LocalDate to) {
    }

    /** Sortable fields of the list and their columns. */
    static final Map<String, String> SORTS = Map.of(
            "plannedOn", "c.planned_on", "updatedAt", "c.updated_at", "status", "c.status", "type", "c.type",
            "subjectName", "coalesce(c.subject_name, o.name)");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final QueryAccess access;

    CaseQueries(JdbcClient jdbc, JsonMapper json, QueryAccess access) {
        this.jdbc = jdbc;
        this.json = json;
        this.access = access;
    }

    Optional<CaseDocument> document(String id) {
        return jdbc.sql("select document::text from case_view where id = :id").param("id", id).query(String.class)
                .optional().map(text -> json.readValue(text, CaseDocument.class));
    }

    long versionOf(String id) {
        return jdbc.sql("select version from case_view where id = :id").param("id", id).query(Long.class).optional()
                .orElse(-1L);
    }

    record Page(List<CaseSummaryView> items, long total) {
    }

    Page list(Filter filter, int page, int size, String sortColumn, boolean ascending) {
        Map<String, Object> params = new java.util.HashMap<>();
        // only what the user may see, in the query itself (API.md "Jurisdiction", "Conflict of interest")
        StringBuilder where = new StringBuilder(" where " + access.visible("c.committee_id", "c.subject_member_id", params));
        if (filter.committees() != null) {
            where.append(" and c.committee_id in (:committees)");
            params.put("committees", filter.committees());
        }
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", filter.status());
        }
        if (filter.type() != null) {
            where.append(" and c.type = :type");
            params.put("type", filter.type());
        }
        if (filter.subjectType() != null) {
            where.append(" and c.subject_type = :subjectType");
            params.put("subjectType", filter.subjectType());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and (c.search_text like '%' || casework_fold(:q) || '%'"
                    + " or (c.subject_type = 'ORGANIZATION' and casework_fold(coalesce(o.name, '')) like '%' || casework_fold(:q) || '%'))");
            params.put("q", filter.q().strip());
        }
        if (filter.from() != null) {
            where.append(" and c.planned_on >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and c.planned_on <= :to");
            params.put("to", filter.to());
        }
        String from = " from case_view c left join committee_node o on o.id = c.subject_org_id"
                + " left join committee_node k on k.id = c.committee_id";
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        List<CaseSummaryView> items = jdbc.sql("""
                select c.id, c.type, c.status, c.committee_id, k.name, c.subject_type, coalesce(c.subject_name, o.name),
                       c.subject_org_id, c.subject_member_id, c.document->>'planRef', c.planned_on,
                       left(c.document->>'content', 300), c.document->'disciplineInForce'->>'form', c.version"""
                        + from + where + " order by " + sortColumn + (ascending ? " asc" : " desc") + ", c.id"
                        + " limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new CaseSummaryView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getObject(11, LocalDate.class), rs.getString(12), rs.getString(13),
                        rs.getLong(14)))
                .list();
        return new Page(items, total);
    }

    List<CaseDocument> disciplinedMember(String memberId) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("member", memberId);
        return jdbc.sql("""
                select document::text from case_view
                where subject_member_id = :member and jsonb_array_length(document->'decisions') > 0 and """
                        + access.visible("committee_id", "subject_member_id", params) + " order by planned_on, id")
                .params(params).query(String.class).list().stream()
                .map(text -> json.readValue(text, CaseDocument.class)).toList();
    }

    record DeadlineRow(String caseId, String kind, LocalDate dueOn, String committeeId, String rule) {
    }

    List<DeadlineRow> openDeadlines(Set<String> committees, LocalDate overdueBefore) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new java.util.HashMap<>();
        conditions.add(access.visible("d.committee_id", "c.subject_member_id", params));
        if (committees != null) {
            conditions.add("d.committee_id in (:committees)");
            params.put("committees", committees);
        }
        if (overdueBefore != null) {
            conditions.add("d.due_on < :today");
            params.put("today", overdueBefore);
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return jdbc.sql("select d.case_id, d.kind, d.due_on, d.committee_id, d.rule from case_deadline d"
                        + " join case_view c on c.id = d.case_id" + where + " order by d.due_on, d.case_id")
                .params(params)
                .query((rs, n) -> new DeadlineRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), rs.getString(5)))
                .list();
    }
}
