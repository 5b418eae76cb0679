package vn.ubkt.casework.query.casedetail;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.query.access.QueryAccess;
import vn.ubkt.casework.query.platform.ReadDatabase;

/** The cases of some committees whose deadlines have passed, oldest first, of those the user may see. */
@Component
public class OverdueCases {

    public record Overdue(String caseId, String kind, LocalDate dueOn, String subjectName) {
    }

    /** The read models, on the replica when there is one. */
    private final JdbcClient jdbc;
    private final QueryAccess access;

    OverdueCases(ReadDatabase database, QueryAccess access) {
        this.jdbc = database.readModel();
        this.access = access;
    }

    public List<Overdue> of(Set<String> committees, LocalDate today, int limit) {
        Map<String, Object> params = new HashMap<>();
        String visible = access.visible("c.committee_id", "c.subject_member_id", params);
        return jdbc.sql("""
                select d.case_id, d.kind, d.due_on, coalesce(c.subject_name, c.subject_org_id) from case_deadline d
                join case_view c on c.id = d.case_id
                where d.committee_id = any(:committees) and d.due_on < :today and """ + visible
                        + " order by d.due_on limit :limit")
                .params(params).param("committees", committees.toArray(String[]::new)).param("today", today).param("limit", limit)
                .query((rs, n) -> new Overdue(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4)))
                .list();
    }
}
