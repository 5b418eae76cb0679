package vn.ubkt.casework.query.reports;

import java.util.Locale;
import vn.ubkt.casework.query.statistics.Perspective;
import vn.ubkt.casework.query.committeetree.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.statistics.StatisticsQuery;
import vn.ubkt.casework.query.statistics.StatisticsView;

@Tag(name = "Statistics", description = "Figures per committee and period, as the commissions report them")
@RestController
class ReportController {

    private final StatisticsQuery statistics;
    private final CommitteeTree tree;
    private final Clock clock;
    private final ReportWriter writer;

    ReportController(StatisticsQuery statistics, CommitteeTree tree, Clock clock, ReportWriter writer) {
        this.writer = writer;
        this.statistics = statistics;
        this.tree = tree;
        this.clock = clock;
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
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from");
        }
        String name = java.util.Optional.of(id).filter(tree::exists).map(tree::name).orElseThrow(() -> new NotFoundException("committee", id));
        StatisticsView figures = statistics.statistics(id, from, to, scope, perspective);
        ReportWriter.Report report = writer.write(figures, name, Locale.forLanguageTag(lang.equals("vi") ? "vi" : "en"));
        if (accept != null && accept.contains(MediaType.APPLICATION_PDF_VALUE)) {
            String printed = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(ZonedDateTime.now(clock));
            String footer = (lang.equals("vi") ? "In lúc " : "Printed ") + printed
                    + (lang.equals("vi") ? " từ hệ thống quản lý vụ việc kiểm tra." : " from the inspection case system.");
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                    .header("Content-Disposition", "inline; filename=\"report-" + id + "-" + from + "-" + to + ".pdf\"")
                    .body(ReportPdf.render(report, footer));
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(report.asText().getBytes(StandardCharsets.UTF_8));
    }
}
