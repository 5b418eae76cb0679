package vn.ubkt.casework.query.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.access.Actor;
import vn.ubkt.casework.query.access.QueryAccess;
import vn.ubkt.casework.query.committeetree.Scope;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.statistics.Perspective;

@Tag(name = "Statistics", description = "Figures per committee and period, as the commissions report them")
@RestController
class ArchivedReportController {

    private final ArchivedReports archive;
    private final QueryAccess access;

    ArchivedReportController(ArchivedReports archive, QueryAccess access) {
        this.archive = archive;
        this.access = access;
    }

    record ArchivedView(String reportId, long treeSize, String rootHash, String sha256) {
    }

    @Operation(summary = "Archive the report (same parameters as GET …/report) with the checkpoint of the log it is computed at")
    @PostMapping("/api/committees/{id}/reports")
    ResponseEntity<ArchivedView> archive(@PathVariable String id,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @RequestParam(defaultValue = "SUBTREE") Scope scope,
                                         @RequestParam(defaultValue = "ACTOR") Perspective perspective,
                                         @RequestParam(defaultValue = "vi") String lang) {
        if (!lang.equals("vi") && !lang.equals("en")) {
            throw new IllegalArgumentException("lang must be vi or en");
        }
        access.requireCommittee(id);
        ArchivedReports.Archived archived = archive.archive(new ArchivedReports.Request(id, from, to, scope, perspective,
                lang), Actor.current().username());
        return ResponseEntity.created(URI.create("/api/reports/" + archived.reportId()))
                .body(new ArchivedView(archived.reportId(), archived.treeSize(), archived.rootHash(), archived.sha256()));
    }

    @Operation(summary = "An archived report, the same bytes forever; its tree size, root hash and SHA-256 in headers")
    @GetMapping(value = "/api/reports/{reportId}", produces = "text/plain")
    ResponseEntity<byte[]> report(@PathVariable String reportId) {
        ArchivedReports.Archived archived = readable(reportId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .header("X-Tree-Size", String.valueOf(archived.treeSize()))
                .header("X-Root-Hash", archived.rootHash())
                .header("Digest", "sha-256=" + archived.sha256())
                .body(archived.content());
    }

    @Operation(summary = "Recompute the archived report from the first treeSize events of the log and say whether the bytes are identical")
    @PostMapping("/api/reports/{reportId}/verify")
    ArchivedReports.Verification verify(@PathVariable String reportId) {
        return archive.verify(readable(reportId));
    }

    private ArchivedReports.Archived readable(String reportId) {
        ArchivedReports.Archived archived = archive.find(reportId)
                .orElseThrow(() -> new NotFoundException("report", reportId));
        access.requireCommittee(archived.request().committeeId());
        return archived;
    }
}
