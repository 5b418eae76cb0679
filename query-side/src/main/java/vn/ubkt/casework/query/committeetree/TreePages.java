package vn.ubkt.casework.query.committeetree;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ubkt.casework.query.web.UiPage;

/** The organization tree as it stood on a date, each node leading to its dashboard. */
@Hidden
@UiPage
@Controller
class TreePages {

    private final CommitteeTree tree;
    private final Clock clock;

    TreePages(CommitteeTree tree, Clock clock) {
        this.tree = tree;
        this.clock = clock;
    }

    @GetMapping("/ui/committees")
    String tree(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on, Model model) {
        LocalDate date = on == null ? LocalDate.now(clock) : on;
        model.addAttribute("on", date);
        model.addAttribute("roots", tree.treeOn(date));
        return "committees";
    }
}
