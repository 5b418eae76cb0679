package vn.ubkt.casework.query.reports;

import java.util.Locale;
import vn.ubkt.casework.query.statistics.Perspective;
import vn.ubkt.casework.query.committeetree.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Statistics", description = "Figures per committee and period, as the commissions report them")
@RestController
class ReportController {

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @Operation(summary = "The statistics as prose in the style of the commissions' reports; Accept: application/pdf prints it")
    @GetMapping(value = "/api/committees/{id}/report", produces = {"text/plain", MediaType.APPLICATION_PDF_VALUE})
    ResponseEntity<byte[]> report(@PathVariable String id,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(defaultValue = "SUBTREE") Scope scope,
                                  @RequestParam(defaultValue = "ACTOR") Perspective perspective,
                                  @RequestParam(defaultValue = "vi") String lang,
                                  @org.springframework.web.bind.annotation.RequestHeader(value = "Accept", required = false)
                                  String accept) {
        if (!lang.equals("vi") && !lang.equals("en")) {
            throw new IllegalArgumentException("lang must be vi or en");
        }
        Locale locale = Locale.forLanguageTag(lang);
        ReportWriter.Report report = reports.report(id, from, to, scope, perspective, locale);
        if (accept != null && accept.contains(MediaType.APPLICATION_PDF_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header("Content-Disposition", "inline; filename=\"report-" + id + "-" + from + "-" + to + ".pdf\"")
                    .body(reports.pdf(report, locale));
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(report.asText().getBytes(StandardCharsets.UTF_8));
    }
}
