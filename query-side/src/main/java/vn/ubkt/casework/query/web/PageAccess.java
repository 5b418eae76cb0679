package vn.ubkt.casework.query.web;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.access.Actor;

/**
 * What the signed-in user's roles open, for the header's links and the forms a page offers. Asked of the security
 * rules themselves (the access module's role table, through Spring Security's privilege evaluator), never retyped
 * here: a page shows a link or a form exactly when the request it leads to would be allowed.
 */
@Component
public class PageAccess {

    /** One flag per page or kind of step; all false for a user who is not signed in or must change the password. */
    public record Can(boolean cases, boolean complaints, boolean tree, boolean dashboards, boolean users,
                      boolean audit, boolean identity, boolean caseCommands, boolean intake,
                      boolean requestIdentity, boolean decideIdentity, boolean caseFile, boolean caseFileChanges) {

        static final Can NOTHING = new Can(false, false, false, false, false, false, false, false, false, false, false,
                false, false);
    }

    // a path of each kind: the rules match patterns, so any id stands for all of them
    private static final String SOME_ID = "x";

    private final ObjectProvider<WebInvocationPrivilegeEvaluator> rules;

    PageAccess(ObjectProvider<WebInvocationPrivilegeEvaluator> rules) {
        this.rules = rules;
    }

    /** The signed-in user of this request, if any. */
    Optional<Actor> actor() {
        return Actor.signedIn();
    }

    /** What the user of this request may open and do. */
    public Can current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        WebInvocationPrivilegeEvaluator evaluator = rules.getIfAvailable();
        if (evaluator == null || Actor.from(authentication).isEmpty()) {
            return Can.NOTHING;
        }
        return new Can(
                allowed(evaluator, authentication, "GET", "/ui/cases"),
                allowed(evaluator, authentication, "GET", "/ui/complaints"),
                allowed(evaluator, authentication, "GET", "/ui/committees"),
                allowed(evaluator, authentication, "GET", "/ui/committees/" + SOME_ID),
                allowed(evaluator, authentication, "GET", "/ui/users"),
                allowed(evaluator, authentication, "GET", "/ui/audit"),
                allowed(evaluator, authentication, "GET", "/ui/identity"),
                allowed(evaluator, authentication, "POST", "/api/cases/" + SOME_ID + "/open"),
                allowed(evaluator, authentication, "POST", "/api/complaints"),
                allowed(evaluator, authentication, "POST", "/api/complaints/" + SOME_ID + "/identity-requests"),
                allowed(evaluator, authentication, "POST",
                        "/api/complaints/" + SOME_ID + "/identity-requests/" + SOME_ID + "/approve"),
                allowed(evaluator, authentication, "GET", "/api/cases/" + SOME_ID + "/file"),
                allowed(evaluator, authentication, "POST", "/api/cases/" + SOME_ID + "/attachments"));
    }

    private static boolean allowed(WebInvocationPrivilegeEvaluator evaluator, Authentication authentication,
                                   String method, String path) {
        return evaluator.isAllowed("", path, method, authentication);
    }
}
