package vn.ubkt.casework.query.web;

import io.swagger.v3.oas.annotations.Hidden;
import vn.ubkt.casework.access.Actor;
import vn.ubkt.casework.access.Jurisdiction;
import vn.ubkt.casework.access.Role;
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
    private final QueryAccess access;

    LivePagesController(LiveUpdates live, QueryAccess access) {
        this.live = live;
        this.access = access;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/ui/cases";
    }

    @GetMapping(value = "/ui/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream() {
        Actor actor = Actor.current();
        Jurisdiction jurisdiction = access.current();
        boolean readsCases = actor.hasAny(Role.STAFF, Role.AUDITOR);
        return live.subscribe((committeeId, memberId) ->
                readsCases && jurisdiction.includes(committeeId) && !actor.is(memberId));
    }
}
