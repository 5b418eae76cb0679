package vn.ubkt.casework.query.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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

    private final CommitteePickers pickers;
    private final Clock clock;
    private final PageAccess access;

    PageModel(CommitteePickers pickers, Clock clock, PageAccess access) {
        this.pickers = pickers;
        this.clock = clock;
        this.access = access;
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

    @ModelAttribute("committeeSearch")
    boolean committeeSearch() {
        return pickers.searched();
    }

    /** Every standing committee, or on a large tree the user's and the one the request names (a list's filter). */
    @ModelAttribute("committeeOptions")
    List<CommitteePickers.Option> committees(HttpServletRequest request) {
        String named = request.getParameter("committeeId");
        return pickers.offering(named == null || named.isBlank() ? List.of() : List.of(named));
    }
}
