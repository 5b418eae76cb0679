package vn.ubkt.casework.query.suspensions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.query.access.QueryAccess;
import vn.ubkt.casework.query.platform.ReadDatabase;

/**
 * Table access for the suspensions read model, always narrowed to what the user may see (the deciding committee
 * inside the jurisdiction, never the user's own suspension). Other read models ask it: the member's record, the
 * case page, the deadlines.
 */
@Component
public class SuspensionQueries {

    /** The read models, on the replica when there is one. */
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final QueryAccess access;
    private final Clock clock;

    SuspensionQueries(ReadDatabase database, JsonMapper json, QueryAccess access, Clock clock) {
        this.jdbc = database.readModel();
        this.json = json;
        this.access = access;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    Optional<SuspensionDocument> document(String id) {
        return jdbc.sql("select document::text from suspension_view where id = :id").param("id", id)
                .query(String.class).optional().map(text -> json.readValue(text, SuspensionDocument.class));
    }

    /** Suspensions decided by one of {@code committees} (all visible ones when null), newest first. */
    public List<SuspensionView> list(Set<String> committees, Boolean active) {
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        conditions.add(access.visible("deciding_committee_id", "member_id", params));
        if (committees != null) {
            conditions.add("deciding_committee_id = any(:committees)");
            params.put("committees", committees.toArray(String[]::new));
        }
        if (active != null) {
            conditions.add((active ? "" : "not ") + "(lifted_on is null and ends_on >= :today)");
            params.put("today", today());
        }
        return views(" where " + String.join(" and ", conditions) + " order by suspended_on desc, id", params);
    }

    /** The member's suspensions the user may see, oldest first. */
    public List<SuspensionView> ofMember(String memberId) {
        Map<String, Object> params = new HashMap<>();
        params.put("member", memberId);
        return views(" where member_id = :member and " + access.visible("deciding_committee_id", "member_id", params)
                + " order by suspended_on, id", params);
    }

    /** The suspensions serving a case, oldest first (the case itself is already gated). */
    public List<SuspensionView> ofCase(String caseId) {
        Map<String, Object> params = new HashMap<>();
        params.put("caseId", caseId);
        return views(" where case_id = :caseId and " + access.visible("deciding_committee_id", "member_id", params)
                + " order by suspended_on, id", params);
    }

    /** Ids of the suspensions serving a case, for its audit trail. */
    public List<String> idsOfCase(String caseId) {
        return jdbc.sql("select id from suspension_view where case_id = :caseId order by suspended_on, id")
                .param("caseId", caseId).query(String.class).list();
    }

    public record EndRow(String suspensionId, String caseId, LocalDate dueOn, String committeeId, String rule,
                         String memberName) {
    }

    /** The last days of suspensions not lifted: open deadlines, overdue once passed (it has ended by itself). */
    public List<EndRow> openEnds(Set<String> committees, LocalDate overdueBefore) {
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        conditions.add("lifted_on is null");
        conditions.add(access.visible("deciding_committee_id", "member_id", params));
        if (committees != null) {
            conditions.add("deciding_committee_id = any(:committees)");
            params.put("committees", committees.toArray(String[]::new));
        }
        if (overdueBefore != null) {
            conditions.add("ends_on < :today");
            params.put("today", overdueBefore);
        }
        return jdbc.sql("select id, case_id, ends_on, deciding_committee_id, document->'member'->>'fullName'"
                        + " from suspension_view where "
                        + String.join(" and ", conditions) + " order by ends_on, id")
                .params(params)
                .query((rs, n) -> new EndRow(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getString(4), "R-SUSPENSION", rs.getString(5)))
                .list();
    }

    private List<SuspensionView> views(String where, Map<String, Object> params) {
        LocalDate today = today();
        return jdbc.sql("select document::text from suspension_view" + where).params(params).query(String.class).list()
                .stream().map(text -> SuspensionView.of(json.readValue(text, SuspensionDocument.class), today, List.of()))
                .toList();
    }
}
