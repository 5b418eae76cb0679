package vn.ubkt.casework.query.casedetail;

import vn.ubkt.casework.query.committeetree.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ubkt.casework.events.cases.CaseEvent;
import vn.ubkt.casework.events.cases.Deadline;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.suspensions.SuspensionQueries;
import vn.ubkt.casework.query.suspensions.SuspensionView;

@Tag(name = "Cases (reads)", description = "Find cases, see where each stands, travel back in time")
@RestController
class CaseQueryController {


    private final CaseQueries queries;
    private final CommitteeTree scopes;
    private final EventStore eventStore;
    private final Clock clock;

    private final SuspensionQueries suspensions;

    CaseQueryController(CaseQueries queries, CommitteeTree scopes, EventStore eventStore, Clock clock,
                        SuspensionQueries suspensions) {
        this.queries = queries;
        this.scopes = scopes;
        this.eventStore = eventStore;
        this.clock = clock;
        this.suspensions = suspensions;
    }

    /**
     * A page of cases: {@code next} is the cursor of the following page (null on the last), {@code total} exact up to
     * 10,000 matches and beyond that the database's estimate, flagged by {@code totalIsEstimate}.
     */
    record CasePage(List<CaseSummaryView> items, int page, int size, long total, boolean totalIsEstimate, String next) {
    }

    @Operation(summary = "List and search cases",
            description = "q finds the cases whose subject's name, member id, content or plan reference hold q's words next "
                    + "to each other and in order, each from a word's beginning (the last may be only begun: 'nguyen va' "
                    + "finds 'Nguyễn Văn An'; 'guyen' finds nothing), ignoring Vietnamese diacritics and case; an "
                    + "organization subject is also found by any part of its name; from/to bound the planned date; sort is field,asc|desc "
                    + "with field one of plannedOn, updatedAt, status, type, subjectName; after=<next of an earlier page> "
                    + "gives the page after it at any depth (page is then ignored); total is exact up to 10,000 matches and "
                    + "beyond that the database's estimate, flagged by totalIsEstimate (a search of the whole country that the "
                    + "database expects in more than 20,000 cases answers that estimate without counting)")
    @GetMapping("/api/cases")
    CasePage list(@RequestParam(required = false) String committeeId,
                  @RequestParam(defaultValue = "SUBTREE") Scope scope,
                  @RequestParam(required = false) String status,
                  @RequestParam(required = false) String type,
                  @RequestParam(required = false) String subjectType,
                  @RequestParam(required = false) String q,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "20") int size,
                  @RequestParam(defaultValue = "plannedOn,desc") String sort,
                  @RequestParam(required = false) String after) {
        if (page < 0 || size < 1 || size > 200) {
            throw new IllegalArgumentException("page must be 0 or more and size between 1 and 200");
        }
        String[] sortParts = sort.split(",");
        String column = CaseQueries.SORTS.get(sortParts[0]);
        if (column == null || sortParts.length > 2
                || (sortParts.length == 2 && !sortParts[1].equalsIgnoreCase("asc") && !sortParts[1].equalsIgnoreCase("desc"))) {
            throw new IllegalArgumentException("sort must be one of " + CaseQueries.SORTS.keySet() + " with ,asc or ,desc");
        }
        Set<String> committees = committeeId == null ? null
                : scope == Scope.OWN ? scopes.ownEver(committeeId) : scopes.subtreeEver(committeeId);
        CaseQueries.Cursor cursor = after == null ? null : CaseQueries.Cursor.decode(after);
        CaseQueries.Page result = queries.list(new CaseQueries.Filter(committees, status, type, subjectType, q, from, to),
                page, size, sortParts[0], sortParts.length == 2 && sortParts[1].equalsIgnoreCase("asc"), cursor);
        return new CasePage(result.items(), page, size, result.total(), result.totalIsEstimate(), result.next());
    }

    @Operation(summary = "One case: every fact, its status, the discipline in force and its deadlines",
            description = "minVersion waits up to 5 s for the read model to hold that version (else 503; 404 at once for a "
                    + "case the event store has never seen); "
                    + "asOf rebuilds the case from the event store as it stood at that instant")
    @GetMapping("/api/cases/{id}")
    CaseDocument one(@PathVariable String id,
                     @RequestParam(required = false) Long minVersion,
                     @Parameter(description = "ISO-8601 instant, e.g. 2026-05-01T00:00:00Z")
                     @RequestParam(required = false) Instant asOf) throws InterruptedException {
        if (asOf != null) {
            return asOf(id, asOf);
        }
        return queries.documentAt(id, minVersion);
    }

    private CaseDocument asOf(String id, Instant asOf) {
        CaseDocument doc = new CaseDocument();
        DomainEventStream stream = eventStore.readEvents(id);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getTimestamp().isAfter(asOf)) {
                break;
            }
            if (message.getPayload() instanceof CaseEvent event) {
                CaseFold.apply(doc, event, message.getSequenceNumber(), message.getTimestamp());
            }
        }
        if (doc.id == null) {
            throw new NotFoundException("case", id);
        }
        return doc;
    }

    /**
     * One entry of a member's record: a discipline decided ({@code entry} DISCIPLINE), or a suspension of party
     * activity ({@code entry} SUSPENSION, with {@code state} ACTIVE, ENDED or LIFTED and the suspension itself) —
     * suspension is not a discipline form, but the member's record shows it (API.md 1.1).
     */
    record MemberDisciplineView(String caseId, String caseType, LocalDate decidedOn, String decidingCommitteeId,
                                String decisionRef, String outcome, String form, String notImposedReason,
                                String currentForm, String state, String entry, SuspensionView suspension) {
    }

    @Operation(summary = "Every discipline decided for a member, with its current state, then the member's suspensions "
            + "of party activity (entry SUSPENSION)")
    @GetMapping("/api/members/{memberId}/discipline")
    List<MemberDisciplineView> memberDiscipline(@PathVariable String memberId) {
        List<MemberDisciplineView> views = new ArrayList<>();
        for (CaseDocument doc : queries.disciplinedMember(memberId)) {
            for (CaseDocument.Decision decision : doc.decisions) {
                boolean imposed = "IMPOSED".equals(decision.outcome());
                String current = imposed && doc.disciplineInForce != null ? doc.disciplineInForce.form() : null;
                String state = !imposed ? "NOT_IMPOSED"
                        : current == null ? "ANNULLED"
                        : current.equals(decision.form()) ? "IN_FORCE" : "CHANGED_ON_APPEAL";
                views.add(new MemberDisciplineView(doc.id, doc.type.name(), decision.decidedOn(), decision.decidingCommitteeId(),
                        decision.decisionRef(), decision.outcome(), decision.form(), decision.notImposedReason(), current,
                        state, "DISCIPLINE", null));
            }
        }
        for (SuspensionView suspension : suspensions.ofMember(memberId)) {
            views.add(new MemberDisciplineView(suspension.caseId(), null, suspension.suspendedOn(),
                    suspension.decidingCommitteeId(), suspension.decisionRef(), null, null, null, null,
                    suspension.status(), "SUSPENSION", suspension));
        }
        return views;
    }

    /** {@code suspensionId} is set for the last day of a suspension of party activity (kind SUSPENSION_END). */
    record DeadlineView(String caseId, String kind, LocalDate dueOn, String committeeId, String rule, boolean overdue,
                        String suspensionId) {
    }

    @Operation(summary = "Open deadlines: appeal windows, appeal and denunciation resolution limits, and the last days "
            + "of suspensions not lifted (overdue once the suspension has ended by itself)")
    @GetMapping("/api/deadlines")
    List<DeadlineView> deadlines(@RequestParam(required = false) String committeeId,
                                 @RequestParam(defaultValue = "false") boolean overdue) {
        LocalDate today = LocalDate.now(clock);
        Set<String> committees = committeeId == null ? null : scopes.subtreeEver(committeeId);
        List<DeadlineView> views = new ArrayList<>();
        queries.openDeadlines(committees, overdue ? today : null).forEach(row -> views.add(new DeadlineView(
                row.caseId(), row.kind(), row.dueOn(), row.committeeId(), row.rule(), row.dueOn().isBefore(today), null)));
        suspensions.openEnds(committees, overdue ? today : null).forEach(row -> views.add(new DeadlineView(
                row.caseId(), Deadline.Kind.SUSPENSION_END.name(), row.dueOn(), row.committeeId(), row.rule(),
                row.dueOn().isBefore(today), row.suspensionId())));
        views.sort(java.util.Comparator.comparing(DeadlineView::dueOn));
        return views;
    }
}
