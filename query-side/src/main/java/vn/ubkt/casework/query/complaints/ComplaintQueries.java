package vn.ubkt.casework.query.complaints;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.ubkt.casework.query.access.QueryAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.platform.ReadDatabase;

/** The intake register as read: lists narrowed to what the user may see, one letter by id. */
@Component
class ComplaintQueries {

    private static final Set<String> STATUSES = Set.of("RECEIVED", "ACCEPTED", "DISMISSED");

    /** The read models, on the replica when there is one. */
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CommitteeTree scopes;
    private final QueryAccess access;

    ComplaintQueries(ReadDatabase database, JsonMapper json, CommitteeTree scopes, QueryAccess access) {
        this.jdbc = database.readModel();
        this.json = json;
        this.scopes = scopes;
        this.access = access;
    }

    private static final String COLUMNS = """
            select id, version, committee_id, received_on, anonymous, denouncer_on_file, accused::text, accused_name,
                   content, status, case_id, decided_on, dismissal_reason, note, transfers::text, writer_kind from complaint_view""";

    List<ComplaintView> list(String committeeId, String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES);
        }
        var query = new java.util.HashMap<String, Object>();
        StringBuilder sql = new StringBuilder(COLUMNS + " where "
                + access.visible("committee_id", "accused->>'memberId'", query));
        if (committeeId != null) {
            sql.append(" and committee_id = any(:committees)");
            query.put("committees", scopes.subtreeEver(committeeId).toArray(String[]::new));
        }
        if (status != null) {
            sql.append(" and status = :status");
            query.put("status", status);
        }
        return jdbc.sql(sql + " order by received_on desc, id limit 500").params(query).query(this::row).list();
    }

    ComplaintView one(String id) {
        return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(this::row).optional()
                .orElseThrow(() -> new NotFoundException("complaint", id));
    }

    private ComplaintView row(ResultSet rs, int n) throws SQLException {
        return new ComplaintView(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                rs.getBoolean(5), rs.getBoolean(6), json.readTree(rs.getString(7)), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getObject(12, LocalDate.class), rs.getString(13), rs.getString(14),
                List.of(json.readValue(rs.getString(15), ComplaintView.Transfer[].class)), rs.getString(16));
    }
}
