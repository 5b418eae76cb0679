package vn.ubkt.casework.query.forms;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.web.UiPage;

/**
 * The page to file the forms: choose the period, scope and forms, preview the figures with their checks, open the
 * cases behind a figure, download the workbook and lock the period. Its script ({@code /ui/forms.js}) calls the API.
 */
@Hidden
@UiPage
@Controller
class FormPages {

    private final FormDefinitions definitions;
    private final CommitteeTree tree;
    private final java.time.Clock clock;

    FormPages(FormDefinitions definitions, CommitteeTree tree, java.time.Clock clock) {
        this.definitions = definitions;
        this.tree = tree;
        this.clock = clock;
    }

    record FormChoice(String code, String title) {
    }

    @GetMapping("/ui/committees/{id}/forms")
    String forms(@PathVariable String id, Model model) {
        if (!tree.exists(id)) {
            throw new NotFoundException("committee", id);
        }
        List<FormChoice> forms = definitions.forms().stream().map(f -> new FormChoice(f.code(), f.title())).toList();
        model.addAttribute("id", id);
        model.addAttribute("name", tree.name(id));
        model.addAttribute("forms", forms);
        model.addAttribute("version", definitions.version());
        model.addAttribute("year", LocalDate.now(clock).getYear());
        return "forms";
    }
}
