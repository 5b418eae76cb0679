package vn.ubkt.casework.query.suspensions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.query.audit.History;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.platform.NotFoundException;

@Tag(name = "Suspensions (reads)", description = "Suspensions of party activity: ACTIVE, ENDED by themselves, or LIFTED")
@RestController
class SuspensionQueryController {

    private final SuspensionQueries queries;
    private final CommitteeTree scopes;
    private final History history;

    SuspensionQueryController(SuspensionQueries queries, CommitteeTree scopes, History history) {
        this.queries = queries;
        this.scopes = scopes;
        this.history = history;
    }

    @Operation(summary = "Suspensions decided by a committee (and, with scope SUBTREE, the nodes under it), newest first; "
            + "active=true keeps those neither lifted nor past their last day")
    @GetMapping("/api/suspensions")
    List<SuspensionView> list(@RequestParam(required = false) String committeeId,
                              @RequestParam(defaultValue = "SUBTREE") String scope,
                              @RequestParam(required = false) Boolean active) {
        if (!scope.equals("OWN") && !scope.equals("SUBTREE")) {
            throw new IllegalArgumentException("scope must be OWN or SUBTREE");
        }
        Set<String> committees = committeeId == null ? null
                : scope.equals("OWN") ? scopes.ownEver(committeeId) : scopes.subtreeEver(committeeId);
        return queries.list(committees, active);
    }

    @Operation(summary = "One suspension with its status judged against today and its history")
    @GetMapping("/api/suspensions/{id}")
    SuspensionView one(@PathVariable String id, Locale locale) {
        SuspensionDocument doc = queries.document(id).orElseThrow(() -> new NotFoundException("suspension", id));
        return SuspensionView.of(doc, queries.today(), history.ofSuspension(id, locale));
    }
}
