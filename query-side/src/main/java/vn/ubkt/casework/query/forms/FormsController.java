package vn.ubkt.casework.query.forms;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.query.access.QueryAccess;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.committeetree.Scope;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.statistics.Perspective;

@Tag(name = "Statistical forms", description = "The forms a commission files upward every period (QĐ 357/885-QĐ/UBKTTW), "
        + "as JSON or as the official XLSX workbook; checks, drill-down to the cases behind a figure, locking a period")
@RestController
class FormsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final FormDefinitions definitions;
    private final FormsQuery forms;
    private final FormCells cells;
    private final FormLocks locks;
    private final CommitteeTree tree;
    private final QueryAccess access;

    FormsController(FormDefinitions definitions, FormsQuery forms, FormCells cells, FormLocks locks, CommitteeTree tree,
                    QueryAccess access) {
        this.definitions = definitions;
        this.forms = forms;
        this.cells = cells;
        this.locks = locks;
        this.tree = tree;
        this.access = access;
    }

    record FormSummary(String code, String title, String unit, String version, Perspective perspective,
                       List<FormDefinitions.Row> rows, List<FormDefinitions.Column> columns, String note) {
    }

    @Operation(summary = "The form definitions in force, with every column's header path, what it counts, its \"of which\" "
            + "parent and, for a column the product does not fill, why (notKept)")
    @GetMapping("/api/forms")
    List<FormSummary> definitions() {
        return definitions.forms().stream().map(f -> new FormSummary(f.code(), f.title(), f.unit(), definitions.version(),
                f.perspective() == null ? Perspective.ACTOR : f.perspective(), f.rows(), f.columns(), f.note())).toList();
    }

    @Operation(summary = "The forms of a committee for a period, as JSON (figures and checks) or as the XLSX workbook",
            description = "period: M:2019-03, Q1:2019, H1:2019, 9M:2019, Y:2019 or TERM:2020-2025 (every period but the "
                    + "month runs from the start of the year or term). A column the product does not fill is null (JSON) "
                    + "or empty and marked (XLSX), never zero. perspective overrides the forms' own (ACTOR by default). "
                    + "Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, or format=xlsx for a link.")
    @GetMapping(value = "/api/committees/{id}/forms", produces = {MediaType.APPLICATION_JSON_VALUE, XLSX})
    ResponseEntity<?> forms(@PathVariable String id, @RequestParam String period,
                            @RequestParam(defaultValue = "SUBTREE") Scope scope,
                            @RequestParam(required = false) Perspective perspective,
                            @RequestParam(required = false) String forms,
                            @Parameter(description = "xlsx for the workbook whatever the Accept header")
                            @RequestParam(required = false) String format,
                            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        committee(id);
        FormPeriod parsed = this.forms.period(period);
        FormsQuery.FormsView view = this.forms.compute(id, parsed, scope, perspective, this.forms.select(forms));
        if ("xlsx".equalsIgnoreCase(format) || (accept != null && accept.contains(XLSX))) {
            byte[] workbook = FormWorkbook.write(view, "Số liệu tính lúc " + Instant.now() + " (định nghĩa biểu "
                    + definitions.version() + "); chưa chốt.");
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bieu-" + id + "-"
                            + period.replace(':', '-') + ".xlsx\"")
                    .body(workbook);
        }
        String perspectiveKey = perspective == null ? "DEFAULT" : perspective.name();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new WithLock(view, locks.find(id, parsed.code(), scope, perspectiveKey).orElse(null)));
    }

    /** The figures with the period's lock, when it is locked (and what arrived after it). */
    record WithLock(String committeeId, String committeeName, String period, String periodLabel, java.time.LocalDate from,
                    java.time.LocalDate to, Scope scope, String definitionsVersion, List<FormsQuery.FormView> forms,
                    List<FormsQuery.CheckView> checks, boolean consistent, FormLocks.LockView lock) {

        WithLock(FormsQuery.FormsView view, FormLocks.LockView lock) {
            this(view.committeeId(), view.committeeName(), view.period(), view.periodLabel(), view.from(), view.to(),
                    view.scope(), view.definitionsVersion(), view.forms(), view.checks(), view.consistent(), lock);
        }
    }

    @Operation(summary = "The cases (letters, suspensions) a figure counts, those inside the user's jurisdiction listed, "
            + "the others only counted (outside)")
    @GetMapping("/api/committees/{id}/forms/{code}/cells/{row}/{column}/cases")
    FormCells.CellView cell(@PathVariable String id, @PathVariable String code, @PathVariable String row,
                            @PathVariable int column, @RequestParam String period,
                            @RequestParam(defaultValue = "SUBTREE") Scope scope,
                            @RequestParam(required = false) Perspective perspective) {
        committee(id);
        FormDefinitions.Form form = definitions.form(code);
        if (form == null) {
            throw new NotFoundException("form", code);
        }
        FormDefinitions.Row r = form.row(row);
        FormDefinitions.Column c = form.column(column);
        if (r == null || c == null) {
            throw new NotFoundException("cell", code + "/" + row + "/" + column);
        }
        FormPeriod parsed = forms.period(period);
        if (!c.kept()) {
            return new FormCells.CellView(code, row, column, c.header(), parsed.code(), 0, 0, List.of(), 0);
        }
        return cells.view(form, r, c, parsed, forms.cell(id, parsed, scope, perspective, form, r, c));
    }

    record LockRequest(@NotBlank @Size(max = 20) String period, String scope, String perspective,
                       @Size(max = 2000) String forms) {
    }

    @Operation(summary = "Lock a period's figures once filed (chốt số liệu): the workbook is archived with the position "
            + "of the record it was computed from; 409 when the period is already locked")
    @PostMapping("/api/committees/{id}/forms/locks")
    ResponseEntity<FormLocks.LockView> lock(@PathVariable String id, @Valid @RequestBody LockRequest request)
            throws InterruptedException {
        committee(id);
        access.requireCommittee(id);
        Scope scope = request.scope() == null ? Scope.SUBTREE : Scope.valueOf(request.scope());
        Perspective perspective = request.perspective() == null ? null : Perspective.valueOf(request.perspective());
        FormLocks.Locked locked = locks.lock(id, forms.period(request.period()), scope, perspective, request.forms());
        return ResponseEntity.created(URI.create("/api/committees/" + id + "/forms/locks/" + locked.lock().id()))
                .body(locked.lock());
    }

    @Operation(summary = "The periods locked for a committee, each with what arrived after its lock")
    @GetMapping("/api/committees/{id}/forms/locks")
    List<FormLocks.LockView> locks(@PathVariable String id) {
        committee(id);
        return locks.list(id);
    }

    @Operation(summary = "A lock, or with the XLSX Accept header (or format=xlsx) the workbook archived with it, byte for byte")
    @GetMapping(value = "/api/committees/{id}/forms/locks/{lockId}", produces = {MediaType.APPLICATION_JSON_VALUE, XLSX})
    ResponseEntity<?> lock(@PathVariable String id, @PathVariable String lockId,
                           @RequestParam(required = false) String format,
                           @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        committee(id);
        if ("xlsx".equalsIgnoreCase(format) || (accept != null && accept.contains(XLSX))) {
            return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"chot-" + lockId + ".xlsx\"")
                    .body(locks.workbook(id, lockId));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(locks.view(id, lockId));
    }

    private void committee(String id) {
        if (!tree.exists(id)) {
            throw new NotFoundException("committee", id);
        }
    }
}
