package vn.ubkt.casework.query.readaudit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import vn.ubkt.casework.query.platform.Csv;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.access.ReadAudit;
import vn.ubkt.casework.query.access.QueryAccess;

/** API.md "Read audit": who read which case or complaint, and every reveal of an identity, for auditors. */
@Tag(name = "Read audit")
@RestController
class ReadAuditController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    record ReadView(Instant at, String username, ReadAudit.Kind kind, String id, String what) {
    }

    private final ReadAudit audit;
    private final QueryAccess access;

    ReadAuditController(ReadAudit audit, QueryAccess access) {
        this.audit = audit;
        this.access = access;
    }

    @Operation(summary = "Reads of cases and complaints and reveals of identities, oldest first, inside the jurisdiction",
            description = "Accept: text/csv gives the same as CSV. At most 10,000 rows: narrow with the filters.")
    @GetMapping(value = "/api/audit/reads", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ReadView> json(@RequestParam(required = false) String caseId,
                        @RequestParam(required = false) String complaintId,
                        @RequestParam(required = false) String username,
                        @RequestParam(required = false) Instant from,
                        @RequestParam(required = false) Instant to) {
        return audit.find(new ReadAudit.Filter(blank(caseId), blank(complaintId), blank(username), from, to),
                        access.current()).stream()
                .map(entry -> new ReadView(entry.at(), entry.username(), entry.kind(), entry.id(), entry.what()))
                .toList();
    }

    @GetMapping(value = "/api/audit/reads", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) String caseId,
                               @RequestParam(required = false) String complaintId,
                               @RequestParam(required = false) String username,
                               @RequestParam(required = false) Instant from,
                               @RequestParam(required = false) Instant to) {
        StringBuilder out = new StringBuilder("at,username,kind,id,what\r\n");
        for (ReadView read : json(caseId, complaintId, username, from, to)) {
            out.append(read.at()).append(',').append(Csv.cell(read.username())).append(',').append(read.kind()).append(',')
                    .append(Csv.cell(read.id())).append(',').append(Csv.cell(read.what())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"read-audit.csv\"").body(out.toString());
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
