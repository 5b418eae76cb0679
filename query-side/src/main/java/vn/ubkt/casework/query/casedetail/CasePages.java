package vn.ubkt.casework.query.casedetail;

import vn.ubkt.casework.events.cases.AppealResult;
import vn.ubkt.casework.events.cases.DisciplineForm;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.DenunciationResult;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.PostponementReason;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.cases.ViolationCategory;
import vn.ubkt.casework.query.audit.History;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.suspensions.SuspensionQueries;
import vn.ubkt.casework.query.web.CommitteePickers;
import vn.ubkt.casework.query.web.UiPage;

/** Pages for staff: the case list with search, a case with its timeline and the steps its status allows. */
@Hidden
@UiPage
@Controller
class CasePages {

    private final CaseQueries queries;
    private final CommitteeTree scopes;
    private final History history;

    private final SuspensionQueries suspensions;
    private final CaseFileIndex caseFile;
    private final CommitteePickers pickers;

    CasePages(CaseQueries queries, CommitteeTree scopes, History history, SuspensionQueries suspensions,
              CaseFileIndex caseFile, CommitteePickers pickers) {
        this.queries = queries;
        this.scopes = scopes;
        this.history = history;
        this.suspensions = suspensions;
        this.caseFile = caseFile;
        this.pickers = pickers;
    }

    @GetMapping("/ui/cases")
    String list(@RequestParam(required = false) String committeeId, @RequestParam(required = false) String status,
                @RequestParam(required = false) String type, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        rows(committeeId, status, type, q, page, model);
        model.addAttribute("types", CaseType.values());
        model.addAttribute("statuses", CaseStage.values());
        return "cases";
    }

    @GetMapping("/ui/cases/rows")
    String rows(@RequestParam(required = false) String committeeId, @RequestParam(required = false) String status,
                @RequestParam(required = false) String type, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Set<String> committees = blank(committeeId) ? null : scopes.subtreeEver(committeeId);
        int size = 20;
        CaseQueries.Page result = queries.list(new CaseQueries.Filter(committees, blank(status) ? null : status,
                blank(type) ? null : type, null, blank(q) ? null : q, null, null), Math.max(page, 0), size,
                "updatedAt", false, null);
        model.addAttribute("cases", result.items());
        model.addAttribute("total", result.total());
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pages", (result.total() + size - 1) / size);
        model.addAttribute("filter", Map.of("committeeId", nz(committeeId), "status", nz(status), "type", nz(type),
                "q", nz(q)));
        return "cases :: rows";
    }

    @GetMapping("/ui/cases/new")
    String plan(Model model) {
        model.addAttribute("types", CaseType.values());
        return "case-new";
    }

    /** A page opened right after the case was created waits, briefly, for the read model to hold it. */
    @GetMapping("/ui/cases/{id}")
    String one(@PathVariable String id, Locale locale, Model model) throws InterruptedException {
        for (int tries = 0; tries < 50 && queries.document(id).isEmpty(); tries++) {
            Thread.sleep(100);
        }
        fill(id, locale, model);
        return "case";
    }

    /** One live region of the case page: facts, actions, the case file or timeline. */
    @GetMapping("/ui/cases/{id}/part/{part}")
    String part(@PathVariable String id, @PathVariable String part,
                @RequestParam(required = false) Long minVersion, Locale locale, Model model) throws InterruptedException {
        if (!Set.of("facts", "actions", "casefile", "timeline").contains(part)) {
            throw new NotFoundException("page", part);
        }
        for (int tries = 0; minVersion != null && tries < 50 && queries.versionOf(id) < minVersion; tries++) {
            Thread.sleep(100);
        }
        fill(id, locale, model);
        return "case :: " + part;
    }

    private void fill(String id, Locale locale, Model model) {
        CaseDocument doc = queries.document(id).orElseThrow(() -> new NotFoundException("case", id));
        model.addAttribute("doc", doc);
        model.addAttribute("tree", scopes.snapshot());
        model.addAttribute("member", doc.subject instanceof Subject.Member m ? m : null);
        model.addAttribute("history", history.ofCase(id, locale));
        model.addAttribute("suspensions", suspensions.ofCase(id));
        model.addAttribute("actions", CaseStage.offered(doc));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("categories", ViolationCategory.values());
        model.addAttribute("denunciationResults", DenunciationResult.values());
        model.addAttribute("postponementReasons", PostponementReason.values());
        model.addAttribute("supervision", doc.type.group() == CaseType.Group.SUPERVISION);
        model.addAttribute("denunciation", doc.type == CaseType.DENUNCIATION);
        model.addAttribute("forms", doc.subject instanceof Subject.Member
                ? DisciplineForm.MEMBER_FORMS : DisciplineForm.ORGANIZATION_FORMS);
        model.addAttribute("appealResults", AppealResult.values());
        model.addAttribute("caseFile", caseFile.items(doc));
        model.addAttribute("issuable", caseFile.issuable(doc));
        // the steps' committees (proposing, deciding and resolving bodies, a transfer's): on a large tree the case's
        // committee and those above it, where the page's pickers offered the user's alone
        model.addAttribute("committeeOptions", pickers.around(doc.committeeId));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
