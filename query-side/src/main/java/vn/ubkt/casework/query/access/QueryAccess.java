package vn.ubkt.casework.query.access;

import vn.ubkt.casework.query.committeetree.CommitteeTree;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.ubkt.casework.access.Actor;
import vn.ubkt.casework.access.Jurisdiction;
import vn.ubkt.casework.access.Jurisdictions;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.platform.ReadDatabase;

/**
 * Jurisdiction and conflicts of interest on the query side, from its own tree (API.md "Jurisdiction"): lists and
 * searches are narrowed in SQL, a case or complaint outside (or about the user) answers 404, the figures of a
 * committee outside answer 403.
 */
@org.springframework.core.annotation.Order(1)
@Component
public class QueryAccess implements Jurisdictions {

    private static final String CACHE = QueryAccess.class.getName() + ".jurisdiction";

    /** The read models, on the replica when there is one: the same database the read they guard is answered from. */
    private final JdbcClient jdbc;
    /** The event store, on the primary. */
    private final JdbcClient eventStore;
    private final CommitteeTree tree;

    QueryAccess(ReadDatabase database, CommitteeTree tree) {
        this.jdbc = database.readModel();
        this.eventStore = database.primary();
        this.tree = tree;
    }

    @Override
    public Jurisdiction of(Actor actor) {
        return tree.jurisdiction(actor.committeeId(), Jurisdictions.today());
    }

    @Override
    public boolean knows(String committeeId) {
        return tree.exists(committeeId);
    }

    /** The signed-in user's jurisdiction, computed once per request. */
    public Jurisdiction current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Jurisdiction known) {
            return known;
        }
        Jurisdiction jurisdiction = of(Actor.current());
        if (request != null) {
            request.setAttribute(CACHE, jurisdiction, RequestAttributes.SCOPE_REQUEST);
        }
        return jurisdiction;
    }

    /**
     * The SQL condition that keeps only what the user may see of rows whose acting committee is in
     * {@code committeeColumn} and whose subject (or accused) member is in {@code memberColumn}.
     */
    public String visible(String committeeColumn, String memberColumn, Map<String, Object> params) {
        return visible(committeeColumn, memberColumn, params, java.util.function.UnaryOperator.identity());
    }

    /**
     * As {@link #visible(String, String, Map)}, the jurisdiction's committees narrowed by {@code narrowed} to those the
     * rows can hold (a subset that leaves out only committees no row names: the condition selects the same rows).
     */
    public String visible(String committeeColumn, String memberColumn, Map<String, Object> params,
                          java.util.function.UnaryOperator<String[]> narrowed) {
        Jurisdiction jurisdiction = current();
        Actor actor = Actor.current();
        StringBuilder condition = new StringBuilder("(true");
        if (!jurisdiction.national()) {
            condition.append(" and ").append(committeeColumn).append(" = any(:visibleCommittees)");
            params.put("visibleCommittees", narrowed.apply(jurisdiction.ids()));
        }
        if (actor.memberId() != null) {
            condition.append(" and ").append(memberColumn).append(" is distinct from :conflictedMember");
            params.put("conflictedMember", actor.memberId());
        }
        return condition.append(')').toString();
    }

    private record Holder(String committeeId, String memberId) {
    }

    /** A case the user may read, else 404 (unknown, outside, or about the user alike); answers its committee. */
    public String requireCase(String caseId) {
        return require("case", caseId, jdbc.sql("select committee_id, subject_member_id from case_view where id = :id"));
    }

    /** A complaint the user may read, else 404; answers its receiving committee. */
    public String requireComplaint(String complaintId) {
        return require("complaint", complaintId, jdbc.sql(
                "select committee_id, accused->>'memberId' from complaint_view where id = :id"));
    }

    /** A suspension the user may read (its deciding committee inside, and not the user's own), else 404. */
    public String requireSuspension(String suspensionId) {
        return require("suspension", suspensionId, jdbc.sql(
                "select deciding_committee_id, member_id from suspension_view where id = :id"));
    }

    /** Whether the case is in the read model yet (a read with minVersion may wait for it). */
    public boolean caseKnown(String caseId) {
        return jdbc.sql("select exists (select 1 from case_view where id = :id)").param("id", caseId)
                .query(Boolean.class).single();
    }

    /**
     * Whether the event store holds the case: a case it has never seen will not come to the read model however
     * long a read with minVersion waits (404 at once, not 503 and a retry that cannot succeed).
     */
    public boolean caseRecorded(String caseId) {
        return eventStore.sql("select exists (select 1 from domain_event_entry where aggregate_identifier = :id"
                        + " and type = 'InspectionCase')").param("id", caseId).query(Boolean.class).single();
    }

    /** Whether the complaint is in the read model yet (its page, right after intake, may wait for it). */
    public boolean complaintKnown(String complaintId) {
        return jdbc.sql("select exists (select 1 from complaint_view where id = :id)").param("id", complaintId)
                .query(Boolean.class).single();
    }

    public Optional<String> complaintCommittee(String complaintId) {
        return jdbc.sql("select committee_id from complaint_view where id = :id").param("id", complaintId)
                .query(String.class).optional();
    }

    private String require(String kind, String id, JdbcClient.StatementSpec statement) {
        Optional<Holder> holder = statement.param("id", id)
                .query((rs, n) -> new Holder(rs.getString(1), rs.getString(2))).optional();
        if (holder.isEmpty() || Actor.current().is(holder.get().memberId())
                || !current().includes(holder.get().committeeId())) {
            throw new NotFoundException(kind, id);
        }
        return holder.get().committeeId();
    }

    /** The figures of a committee outside the jurisdiction are refused (403), not hidden. */
    public void requireCommittee(String committeeId) {
        if (!current().includes(committeeId)) {
            throw new AccessDeniedException("committee " + committeeId + " is outside the user's jurisdiction");
        }
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
