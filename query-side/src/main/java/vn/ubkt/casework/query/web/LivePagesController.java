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

    LivePagesController(LiveUpdates live) {
        this.live = live;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/ui/cases";
    }

    @GetMapping(value = "/ui/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream() {
        return live.subscribe();
    }
}
