package vn.ubkt.casework.query.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
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

    @ModelAttribute("committeeOptions")
    List<CommitteeOption> committees() {
        // the nodes standing today, highest level first, by name (sorted once for each state of the tree)
        return tree.snapshot().standing().stream()
                .map(node -> new CommitteeOption(node.id(), node.name(), node.kind().name(), node.level().name()))
                .toList();
    }
}
