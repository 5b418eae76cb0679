package vn.ubkt.casework.query.reports;

import vn.ubkt.casework.query.statistics.Perspective;
import vn.ubkt.casework.query.committeetree.Scope;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ubkt.casework.query.web.UiPage;

/** The report as a page, with the links to its text and PDF forms. */
@Hidden
@UiPage
@Controller
class ReportPages {

    private final Reports reports;

    ReportPages(Reports reports) {
        this.reports = reports;
    }

    /** The printable report for a link a browser follows (it cannot ask for application/pdf itself). */
    @GetMapping("/ui/committees/{id}/report.pdf")
    org.springframework.http.ResponseEntity<byte[]> pdf(@PathVariable String id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "SUBTREE") Scope scope,
            @RequestParam(defaultValue = "ACTOR") Perspective perspective,
            @RequestParam(defaultValue = "vi") String lang) {
        if (!lang.equals("vi") && !lang.equals("en")) {
            throw new IllegalArgumentException("lang must be vi or en");
        }
        Locale locale = Locale.forLanguageTag(lang);
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"report-" + id + "-" + from + "-" + to + ".pdf\"")
                .body(reports.pdf(reports.report(id, from, to, scope, perspective, locale), locale));
    }

    @GetMapping("/ui/committees/{id}/report")
    String report(@PathVariable String id,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "SUBTREE") Scope scope,
                  @RequestParam(defaultValue = "ACTOR") Perspective perspective, Locale locale, Model model) {
        boolean vietnamese = !locale.getLanguage().equals("en");
        model.addAttribute("report", reports.report(id, from, to, scope, perspective,
                Locale.forLanguageTag(vietnamese ? "vi" : "en")));
        model.addAttribute("id", id);
        model.addAttribute("query", "from=" + from + "&to=" + to + "&scope=" + scope + "&perspective=" + perspective
                + "&lang=" + (vietnamese ? "vi" : "en"));
        return "report";
    }
}
