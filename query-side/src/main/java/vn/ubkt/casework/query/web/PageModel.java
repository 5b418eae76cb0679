package vn.ubkt.casework.query.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.committeetree.TreeSnapshot;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.ubkt.casework.access.Actor;

/**
 * What every page needs: who is signed in and what their roles open (for the header and the forms), the CSRF
 * token the page's own calls send, where it is (for the language switch), today, and the committees to choose from.
 */
@ControllerAdvice(annotations = UiPage.class)
class PageModel {

    private final CommitteeTree tree;
    private final Clock clock;
    private final PageAccess access;

    PageModel(CommitteeTree tree, Clock clock, PageAccess access) {
        this.tree = tree;
        this.clock = clock;
        this.access = access;
    }

    record CommitteeOption(String id, String name, String kind, String level) {

        static CommitteeOption of(TreeSnapshot.Node node) {
            return new CommitteeOption(node.id(), node.name(), node.kind().name(), node.level().name());
        }
    }

    /** The signed-in user, or null on the login page. */
    @ModelAttribute("actor")
    Actor actor() {
        return access.actor().orElse(null);
    }

    @ModelAttribute("can")
    PageAccess.Can can() {
        return access.current();
    }

    /**
     * The masked token (Spring Security's XorCsrfTokenRequestAttributeHandler) for the sign-in and sign-out forms'
     * hidden field and, from the head's meta tags, for the header of every call the page's scripts make.
     */
    @ModelAttribute("csrf")
    CsrfToken csrf(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token ? token : null;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : request.getQueryString()
                .replaceAll("(^|&)lang=[^&]*", "").replaceAll("^&", "");
        return request.getRequestURI() + (query.isEmpty() ? "" : "?" + query);
    }

    @ModelAttribute("today")
    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Every standing committee is an option of each picker when there are at most this many. Beyond, a picker offers
     * the user's committee and the one the request names, and a search box fetches the others by name
     * ({@link CommitteeOptions}): with 13,669 standing committees as options of its four pickers, the page that plans
     * a case was 3.7 MB (docs/BENCHMARKS.md, "The committee pickers at national scale").
     */
    static final int ALL_OPTIONS_UP_TO = 300;

    @ModelAttribute("committeeSearch")
    boolean committeeSearch() {
        return searched(tree.snapshot().standing());
    }

    /** Whether a tree of these standing committees is too large for every one to be an option: its pickers search. */
    private static boolean searched(List<TreeSnapshot.Node> standing) {
        return standing.size() > ALL_OPTIONS_UP_TO;
    }

    @ModelAttribute("committeeOptions")
    List<CommitteeOption> committees(HttpServletRequest request) {
        // the nodes standing today, highest level first, by name (sorted once for each state of the tree)
        TreeSnapshot snapshot = tree.snapshot();
        List<TreeSnapshot.Node> standing = snapshot.standing();
        if (!searched(standing)) {
            return standing.stream().map(CommitteeOption::of).toList();
        }
        // the user's committee and the committee the request names (a list's filter), when they stand
        java.util.Set<String> offered = new java.util.LinkedHashSet<>();
        access.actor().map(vn.ubkt.casework.access.Actor::committeeId).ifPresent(offered::add);
        String named = request.getParameter("committeeId");
        if (named != null && !named.isBlank()) {
            offered.add(named);
        }
        return offered.stream().map(snapshot::node).flatMap(java.util.Optional::stream)
                .filter(node -> node.dissolvedOn() == null).map(CommitteeOption::of).toList();
    }
}
