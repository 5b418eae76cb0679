package vn.ubkt.casework.command.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import vn.ubkt.casework.access.Actor;
import vn.ubkt.casework.access.Jurisdiction;
import vn.ubkt.casework.access.Jurisdictions;
import vn.ubkt.casework.access.TreeWalk;
import vn.ubkt.casework.command.platform.NotFoundException;

/**
 * Jurisdiction and conflicts of interest on the command side, decided from its own directory (API.md
 * "Jurisdiction"): a command on a case, complaint or suspension outside the user's jurisdiction, or about the user themself,
 * answers 404 before its body is even read; a new case or letter for a committee outside answers 403.
 */
// where both sides share a process, the command side's directory (kept in the committing transaction) answers first
@org.springframework.core.annotation.Order(0)
@Component
public class CommandAccess implements HandlerInterceptor, Jurisdictions {

    private final JdbcClient jdbc;
    private final TreeWalk tree;

    CommandAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.tree = new TreeWalk(jdbc, "cmd_committee", "cmd_committee_link", "cmd_committee_version");
    }

    @Override
    public Jurisdiction of(Actor actor) {
        return tree.of(actor.committeeId(), Jurisdictions.today());
    }

    @Override
    public boolean knows(String committeeId) {
        return jdbc.sql("select exists (select 1 from cmd_committee where id = :id)").param("id", committeeId)
                .query(Boolean.class).single();
    }

    private record Holder(String committeeId, String memberId) {
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String id = variables == null ? null : variables.get("id");
        if (id == null || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return true;
        }
        String path = request.getRequestURI();
        if (path.startsWith("/api/cases/")) {
            requireVisible("case", id, jdbc.sql("select committee_id, subject_member_id from cmd_case_access where case_id = :id"));
        } else if (path.startsWith("/api/complaints/")) {
            requireVisible("complaint", id, jdbc.sql(
                    "select committee_id, accused_member_id from cmd_complaint_access where complaint_id = :id"));
        } else if (path.startsWith("/api/suspensions/")) {
            requireVisible("suspension", id, jdbc.sql(
                    "select committee_id, member_id from cmd_suspension_access where suspension_id = :id"));
        }
        return true;
    }

    private void requireVisible(String kind, String id, JdbcClient.StatementSpec statement) {
        Optional<Holder> holder = statement.param("id", id)
                .query((rs, n) -> new Holder(rs.getString(1), rs.getString(2))).optional();
        Actor actor = Actor.current();
        // unknown, outside, or about the user: the same answer, so existence is not disclosed
        if (holder.isEmpty() || actor.is(holder.get().memberId()) || !of(actor).includes(holder.get().committeeId())) {
            throw new NotFoundException(kind, id);
        }
    }

    /** A case named in another command (a suspension serving it) must be one the user may act on, else 404. */
    public void requireCaseVisible(String caseId) {
        requireVisible("case", caseId, jdbc.sql("select committee_id, subject_member_id from cmd_case_access where case_id = :id"));
    }

    /** A new case or letter is recorded only for a committee inside the user's jurisdiction, and never about them. */
    public void requireMayActFor(String committeeId, String subjectMemberId) {
        Actor actor = Actor.current();
        if (!of(actor).includes(committeeId)) {
            throw new AccessDeniedException("committee " + committeeId + " is outside the user's jurisdiction");
        }
        if (actor.is(subjectMemberId)) {
            throw new AccessDeniedException("a user never acts on a case or letter about themself");
        }
    }
}
