package vn.ubkt.casework.query.web;

import io.swagger.v3.oas.annotations.Hidden;
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

    LivePagesController(LiveUpdates live, PageAccess access) {
        this.live = live;
        this.access = access;
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
        return live.subscribe();
    }
}
