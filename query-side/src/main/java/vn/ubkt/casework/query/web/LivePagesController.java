package vn.ubkt.casework.query.web;

import io.swagger.v3.oas.annotations.Hidden;
import vn.ubkt.casework.access.Actor;
import vn.ubkt.casework.access.Jurisdiction;
import vn.ubkt.casework.query.access.QueryAccess;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.ubkt.casework.query.platform.LiveUpdates;

@Hidden
@UiPage
@Controller
class LivePagesController {

    private final LiveUpdates live;
    private final PageAccess access;
    private final QueryAccess jurisdictions;

    LivePagesController(LiveUpdates live, PageAccess access, QueryAccess jurisdictions) {
        this.live = live;
        this.access = access;
        this.jurisdictions = jurisdictions;
    }

    /** Each role's first page: cases for staff and auditors, the tree for viewers, users for ADMIN, identity requests. */
    @GetMapping("/")
    String home() {
        PageAccess.Can can = access.current();
        if (can.cases()) {
            return "redirect:/ui/cases";
        }
        if (can.dashboards()) {
            return "redirect:/ui/committees";
        }
        if (can.users()) {
            return "redirect:/ui/users";
        }
        if (can.identity()) {
            return "redirect:/ui/identity";
        }
        return "redirect:/ui/committees";
    }

    @GetMapping(value = "/ui/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream() {
        Actor actor = Actor.current();
        Jurisdiction jurisdiction = jurisdictions.current();
        boolean readsCases = access.current().cases();
        return live.subscribe((committeeId, memberId) ->
                readsCases && jurisdiction.includes(committeeId) && !actor.is(memberId));
    }
}
