package vn.ubkt.casework.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import vn.ubkt.casework.query.platform.Csv;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.query.platform.NotFoundException;

@Tag(name = "Audit", description = "Every step of a case or a complaint, from the event store")
@RestController
class AuditController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final History history;

    AuditController(History history) {
        this.history = history;
    }

    @Operation(summary = "The audit trail of a case, oldest first; Accept: text/csv gives the same as CSV")
    @GetMapping(value = "/api/cases/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    List<HistoryEntryView> json(@PathVariable String id, Locale locale) {
        List<HistoryEntryView> entries = history.ofCase(id, locale);
        if (entries.isEmpty()) {
            throw new NotFoundException("case", id);
        }
        return entries;
    }

    @GetMapping(value = "/api/cases/{id}/history", produces = "text/csv")
    ResponseEntity<String> csv(@PathVariable String id, Locale locale) {
        return csv(json(id, locale), "case-" + id + "-history.csv");
    }

    @Operation(summary = "The history of a complaint, oldest first, with the steps of any reveal of its denouncer "
            + "(never the identity); Accept: text/csv gives the same as CSV")
    @GetMapping(value = "/api/complaints/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    List<HistoryEntryView> complaintJson(@PathVariable String id, Locale locale) {
        List<HistoryEntryView> entries = history.ofComplaint(id, locale);
        if (entries.isEmpty()) {
            throw new NotFoundException("complaint", id);
        }
        return entries;
    }

    @GetMapping(value = "/api/complaints/{id}/history", produces = "text/csv")
    ResponseEntity<String> complaintCsv(@PathVariable String id, Locale locale) {
        return csv(complaintJson(id, locale), "complaint-" + id + "-history.csv");
    }

    private static ResponseEntity<String> csv(List<HistoryEntryView> entries, String filename) {
        StringBuilder out = new StringBuilder("sequence,type,occurredOn,recordedAt,actor,actorName,actorCommittee,correlationId,summary,data\r\n");
        for (HistoryEntryView entry : entries) {
            out.append(entry.sequence()).append(',')
                    .append(Csv.cell(entry.type())).append(',')
                    .append(entry.occurredOn() == null ? "" : entry.occurredOn()).append(',')
                    .append(entry.recordedAt()).append(',')
                    .append(Csv.cell(entry.actor())).append(',')
                    .append(Csv.cell(entry.actorName())).append(',')
                    .append(Csv.cell(entry.actorCommittee())).append(',')
                    .append(Csv.cell(entry.correlationId())).append(',')
                    .append(Csv.cell(entry.summary())).append(',')
                    .append(Csv.cell(entry.data().toString())).append("\r\n");
        }
        return ResponseEntity.ok().contentType(CSV)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .body(out.toString());
    }
}
