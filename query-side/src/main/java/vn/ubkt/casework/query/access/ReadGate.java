package vn.ubkt.casework.query.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import vn.ubkt.casework.access.ReadAudit;

/**
 * Every read of one case, one complaint, one suspension or one committee's figures passes here before its controller: inside the
 * jurisdiction and not about the user, or 404 (403 for figures); and each read of a case or complaint is written
 * to the read audit (API.md "Read audit").
 */
@Component
class ReadGate implements HandlerInterceptor {

    private static final long WAIT_FOR_NEW_ITEM_MILLIS = 5_000;

    private final QueryAccess access;
    private final ReadAudit audit;

    ReadGate(QueryAccess access, ReadAudit audit) {
        this.access = access;
        this.audit = audit;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String id = variables == null ? null : variables.get("id");
        if (id != null && "POST".equals(request.getMethod())
                && QueryAccess.path(request).matches("/api/committees/[^/]+/forms/locks")) {
            // locking a committee's forms: the committee must be inside, before its body is even read
            access.requireCommittee(id);
            return true;
        }
        if (id == null || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            return true;
        }
        String path = QueryAccess.path(request);
        String[] segments = path.substring(1).split("/");
        // segments: [api|ui, cases|complaints|committees, id, ...]
        if (segments.length < 3) {
            return true;
        }
        String rest = segments.length > 3 ? String.join("/", java.util.Arrays.copyOfRange(segments, 3, segments.length)) : "";
        switch (segments[1]) {
            case "cases" -> {
                boolean page = "ui".equals(segments[0]);
                if ((request.getParameter("minVersion") != null || (page && rest.isEmpty())) && !access.caseKnown(id)
                        && access.caseRecorded(id)) {
                    // a case just planned may not be in the read model yet: wait as minVersion does
                    long deadline = System.currentTimeMillis() + WAIT_FOR_NEW_ITEM_MILLIS;
                    while (!access.caseKnown(id) && System.currentTimeMillis() < deadline) {
                        Thread.sleep(50);
                    }
                }
                String committee = access.requireCase(id);
                audit.record(ReadAudit.Kind.CASE, id, committee, what(request, page, rest));
            }
            case "complaints" -> {
                if ("ui".equals(segments[0]) && rest.isEmpty() && !access.complaintKnown(id)) {
                    // the page a letter's intake leads to may come before the read model has the letter
                    long deadline = System.currentTimeMillis() + WAIT_FOR_NEW_ITEM_MILLIS;
                    while (!access.complaintKnown(id) && System.currentTimeMillis() < deadline) {
                        Thread.sleep(50);
                    }
                }
                String committee = access.requireComplaint(id);
                audit.record(ReadAudit.Kind.COMPLAINT, id, committee,
                        what(request, "ui".equals(segments[0]), rest));
            }
            case "suspensions" -> {
                String committee = access.requireSuspension(id);
                audit.record(ReadAudit.Kind.SUSPENSION, id, committee,
                        what(request, false, rest));
            }
            case "committees" -> {
                // the node itself is the tree, open to every role; its figures only inside the jurisdiction
                if ("ui".equals(segments[0]) || !rest.isEmpty()) {
                    access.requireCommittee(id);
                }
            }
            default -> {
            }
        }
        return true;
    }

    private static String what(HttpServletRequest request, boolean page, String rest) {
        String what = page ? (rest.isEmpty() ? "page" : "page " + rest) : (rest.isEmpty() ? "detail" : rest);
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains("text/csv")) {
            what += " csv";
        }
        String asOf = request.getParameter("asOf");
        if (asOf != null) {
            what += " asOf=" + asOf;
        }
        return what;
    }
}
