package vn.ubkt.casework.query.statistics;

import vn.ubkt.casework.query.casedetail.OverdueCases;
import vn.ubkt.casework.query.committeetree.Scope;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ubkt.casework.query.web.PageAccess;
import vn.ubkt.casework.query.web.UiPage;
import vn.ubkt.casework.query.suspensions.SuspensionQueries;

/** A committee's dashboard: the period's figures with charts, the year's targets, overdue deadlines, the report. */
@Hidden
@UiPage
@Controller
class DashboardPages {

    private final StatisticsQuery statistics;
    private final TargetsQuery targets;
    private final CommitteeTree tree;
    private final OverdueCases overdueCases;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;
    private final PageAccess pages;

    private final SuspensionQueries suspensions;

    DashboardPages(StatisticsQuery statistics, TargetsQuery targets, CommitteeTree tree, OverdueCases overdueCases,
                   Clock clock, org.springframework.context.MessageSource messages,
                   PageAccess pages, SuspensionQueries suspensions) {
        this.suspensions = suspensions;
        this.messages = messages;
        this.pages = pages;
        this.statistics = statistics;
        this.targets = targets;
        this.tree = tree;
        this.overdueCases = overdueCases;
        this.clock = clock;
    }

    /** The charts' labels in the page's language. */
    private java.util.Map<String, Object> chartLabels(java.util.Locale locale) {
        java.util.Map<String, String> forms = new java.util.LinkedHashMap<>();
        for (var form : vn.ubkt.casework.events.cases.DisciplineForm.values()) {
            forms.put(form.name(), messages.getMessage("form." + form.name(), null, locale));
        }
        java.util.Map<String, String> types = new java.util.LinkedHashMap<>();
        for (var type : vn.ubkt.casework.events.cases.CaseType.values()) {
            types.put(type.name(), messages.getMessage("type." + type.name(), null, locale));
        }
        java.util.Map<String, String> categories = new java.util.LinkedHashMap<>();
        for (var category : vn.ubkt.casework.events.cases.ViolationCategory.values()) {
            categories.put(category.name(), messages.getMessage("category." + category.name(), null, locale));
        }
        return java.util.Map.of("forms", forms, "types", types, "categories", categories,
                "members", messages.getMessage("ui.members", null, locale));
    }

    @GetMapping("/ui/committees/{id}")
    String dashboard(@PathVariable String id,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(defaultValue = "SUBTREE") Scope scope,
                     @RequestParam(defaultValue = "ACTOR") Perspective perspective, java.util.Locale locale, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.withDayOfYear(1) : from;
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        if (!tree.exists(id)) {
            throw new vn.ubkt.casework.query.platform.NotFoundException("committee", id);
        }
        StatisticsView figures = statistics.statistics(id, start, end, scope, perspective);
        model.addAttribute("s", figures);
        model.addAttribute("memberForms", vn.ubkt.casework.events.cases.DisciplineForm.MEMBER_FORMS);
        model.addAttribute("name", tree.name(id));
        model.addAttribute("targets", targets.targets(id, end.getYear()));
        // overdue cases are case contents: only for those who read cases, and only those they may see
        boolean readsCases = pages.current().cases();
        List<OverdueCases.Overdue> overdue = !readsCases ? List.of() : overdueCases.of(tree.subtreeEver(id), today, 50);
        model.addAttribute("overdue", overdue);
        // suspensions past their last day and not lifted: they ended by themselves, the commission must follow up
        model.addAttribute("overdueSuspensions", !readsCases ? List.of()
                : suspensions.openEnds(tree.subtreeEver(id), today));
        // read by dashboard.js from a JSON block of the page
        model.addAttribute("chartData", Map.of("s", figures, "labels", chartLabels(locale)));
        return "dashboard";
    }
}
