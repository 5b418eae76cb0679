package vn.ubkt.casework.query.access;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ubkt.casework.access.Actor;
import vn.ubkt.casework.access.Role;
import vn.ubkt.casework.query.web.UiPage;

/**
 * The pages of identity and access: sign-in, the password change, users' administration, the read audit and the
 * requests to reveal a denouncer's identity. Only the frame is rendered here; each page's script works through the
 * public API (API.md "Identity and access"), so a page never knows more than that API tells its user.
 */
@Hidden
@UiPage
@Controller
class AccessPages {

    /** The form posts to Spring Security's own processing of {@code POST /login}; {@code ?error}, {@code ?logout}. */
    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/ui/password")
    String password(Model model) {
        model.addAttribute("mustChange", Actor.mustChangePassword());
        return "password";
    }

    @GetMapping("/ui/users")
    String users(Model model) {
        model.addAttribute("roles", List.of(Role.values()));
        return "users";
    }

    @GetMapping("/ui/audit")
    String audit(@RequestParam(required = false) String caseId, @RequestParam(required = false) String complaintId,
                 @RequestParam(required = false) String username, Model model) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("complaintId", complaintId);
        model.addAttribute("username", username);
        return "audit";
    }

    @GetMapping("/ui/identity")
    String identity(@RequestParam(required = false) String complaintId, Model model) {
        model.addAttribute("complaintId", complaintId);
        return "identity";
    }
}
