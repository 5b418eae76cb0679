package vn.ubkt.casework.query.complaints;

import vn.ubkt.casework.query.committeetree.CommitteeTree;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.ubkt.casework.query.web.UiPage;

/** Intake and triage pages. */
@Hidden
@UiPage
@Controller
class ComplaintPages {

    private final ComplaintQueries complaints;
    private final CommitteeTree tree;

    ComplaintPages(ComplaintQueries complaints, CommitteeTree tree) {
        this.complaints = complaints;
        this.tree = tree;
    }

    @GetMapping("/ui/complaints")
    String list(Model model) {
        rows(model);
        return "complaints";
    }

    @GetMapping("/ui/complaints/rows")
    String rows(Model model) {
        model.addAttribute("complaints", complaints.list(null, null));
        // names, never ids, where a person reads
        model.addAttribute("tree", tree.snapshot());
        return "complaints :: rows";
    }

    /** A page opened right after the letter was received waits, briefly, for the read model to hold it. */
    @GetMapping("/ui/complaints/{id}")
    String one(@PathVariable String id, Model model) throws InterruptedException {
        for (int tries = 0; tries < 50; tries++) {
            try {
                model.addAttribute("c", complaints.one(id));
                model.addAttribute("tree", tree.snapshot());
                return "complaint";
            } catch (vn.ubkt.casework.query.platform.NotFoundException e) {
                Thread.sleep(100);
            }
        }
        body(id, model);
        return "complaint";
    }

    @GetMapping("/ui/complaints/{id}/body")
    String body(@PathVariable String id, Model model) {
        model.addAttribute("c", complaints.one(id));
        model.addAttribute("tree", tree.snapshot());
        return "complaint :: body";
    }
}
