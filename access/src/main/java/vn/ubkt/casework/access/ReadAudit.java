package vn.ubkt.casework.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * API.md "Read audit": every read of a case or complaint and every reveal of an identity, by whom and when.
 * Append-only: the database refuses to update or delete a row of {@code read_audit}.
 */
public class ReadAudit {

    public enum Kind { CASE, COMPLAINT, IDENTITY, SUSPENSION }

    public record Entry(Instant at, String username, Kind kind, String id, String committeeId, String what) {
    }

    public record Filter(String caseId, String complaintId, String username, Instant from, Instant to) {
    }

    private static final int MAX_ROWS = 10_000;

    private final JdbcClient jdbc;

    ReadAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a read by the signed-in user; in its own transaction, so the record stays even if the answer fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Kind kind, String id, String committeeId, String what) {
        String username = Actor.signedIn().map(Actor::username).orElseThrow(
                () -> new IllegalStateException("a read without a signed-in user"));
        jdbc.sql("insert into read_audit (username, kind, item_id, committee_id, what) values (:u, :k, :i, :c, :w)")
                .param("u", username).param("k", kind.name()).param("i", id).param("c", committeeId)
                .param("w", what.length() > 200 ? what.substring(0, 200) : what).update();
    }

    /** The entries matching the filter, oldest first, of items inside the jurisdiction. */
    public List<Entry> find(Filter filter, Jurisdiction jurisdiction) {
        StringBuilder sql = new StringBuilder("""
                select at, username, kind, item_id, committee_id, what from read_audit where true""");
        var params = new java.util.HashMap<String, Object>();
        if (filter.caseId() != null) {
            sql.append(" and kind = 'CASE' and item_id = :case");
            params.put("case", filter.caseId());
        }
        if (filter.complaintId() != null) {
            sql.append(" and kind in ('COMPLAINT', 'IDENTITY') and item_id = :complaint");
            params.put("complaint", filter.complaintId());
        }
        if (filter.username() != null) {
            sql.append(" and username = :username");
            params.put("username", filter.username());
        }
        if (filter.from() != null) {
            sql.append(" and at >= :from");
            params.put("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" and at <= :to");
            params.put("to", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        if (!jurisdiction.national()) {
            sql.append(" and committee_id = any(:ids)");
            params.put("ids", jurisdiction.ids());
        }
        sql.append(" order by id limit ").append(MAX_ROWS);
        List<Entry> entries = new ArrayList<>();
        jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Entry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                        Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list().forEach(entries::add);
        return entries;
    }
}
