package vn.ubkt.casework.query.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.events.cases.AppealFiled;
import vn.ubkt.casework.events.cases.AppealResolved;
import vn.ubkt.casework.events.cases.CaseConcluded;
import vn.ubkt.casework.events.cases.CaseOpened;
import vn.ubkt.casework.events.cases.CasePlanned;
import vn.ubkt.casework.events.cases.CaseTransferred;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.DisciplineDecided;
import vn.ubkt.casework.events.cases.DisciplineNotImposed;
import vn.ubkt.casework.events.cases.DisciplineProposed;
import vn.ubkt.casework.events.cases.NotImposedReason;
import vn.ubkt.casework.events.cases.Subject;
import vn.ubkt.casework.events.complaints.ComplaintAccepted;
import vn.ubkt.casework.events.complaints.ComplaintDismissed;
import vn.ubkt.casework.events.complaints.ComplaintReceived;
import vn.ubkt.casework.events.complaints.ComplaintTransferred;
import vn.ubkt.casework.events.suspensions.MemberSuspended;
import vn.ubkt.casework.query.platform.EventBatch;

/**
 * Counts each step once, on its business date (API.md "Statistics"): inspected and supervised by the
 * opening date, concluded by the conclusion date, disciplined by the decision date with the form decided.
 * Suspensions of party activity count on the day of suspension. Each counter is kept twice: under the acting
 * committee and under the subject's organization. Events are handled in batches ({@link EventBatch}): what a batch
 * adds is summed in memory and written in a few batched statements.
 */
@Component
@ProcessingGroup(StatisticsProjection.NAME)
class StatisticsProjection {

    static final String NAME = "statistics";

    private final NamedParameterJdbcTemplate template;
    private final JdbcClient jdbc;

    StatisticsProjection(NamedParameterJdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    private record CaseFacts(String type, String committeeId, String subjectType, String subjectOrgId,
                             boolean committeeMember) {

        Metric.Kind kind() {
            return Metric.Kind.of(subjectType.equals("MEMBER"));
        }

        CaseType.Group group() {
            return CaseType.valueOf(type).group();
        }
    }

    @EventHandler
    void on(CasePlanned event, @SequenceNumber long sequence) {
        if (!firstTime(event.caseId().value(), sequence)) {
            return;
        }
        boolean committeeMember = event.subject() instanceof Subject.Member member && !member.committeeMemberOf().isEmpty();
        batch().planned(event.caseId().value(), new CaseFacts(event.type().name(), event.committeeId().value(),
                event.subject() instanceof Subject.Member ? "MEMBER" : "ORGANIZATION",
                event.subject().organizationId().value(), committeeMember));
    }

    @EventHandler
    void on(CaseTransferred event, @SequenceNumber long sequence) {
        if (firstTime(event.caseId().value(), sequence)) {
            batch().transferred(event.caseId().value(), event.toCommitteeId().value());
        }
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence) {
        if (!firstTime(event.caseId().value(), sequence)) {
            return;
        }
        CaseFacts facts = facts(event.caseId().value());
        if (facts.group() == CaseType.Group.DENUNCIATION) {
            return;
        }
        both(facts, facts.committeeId(), event.openedOn(), Metric.opened(facts.group(), facts.kind()), "");
        both(facts, facts.committeeId(), event.openedOn(), Metric.openedByType(CaseType.valueOf(facts.type()), facts.kind()), "");
        if (facts.committeeMember() && facts.group() == CaseType.Group.INSPECTION) {
            both(facts, facts.committeeId(), event.openedOn(), Metric.INSPECTED_COMMITTEE_MEMBERS, "");
        }
    }

    @EventHandler
    void on(CaseConcluded event, @SequenceNumber long sequence) {
        if (!firstTime(event.caseId().value(), sequence)) {
            return;
        }
        CaseFacts facts = facts(event.caseId().value());
        LocalDate day = event.concludedOn();
        both(facts, facts.committeeId(), day, Metric.concluded(event.outcome(), facts.kind()), "");
        if (event.disciplineWarranted()) {
            both(facts, facts.committeeId(), day, Metric.disciplineWarranted(facts.kind()), "");
        }
        event.violationCategories().forEach(category ->
                both(facts, facts.committeeId(), day, Metric.violationCategory(category), ""));
        if (event.denunciationResult() != null) {
            both(facts, facts.committeeId(), day, Metric.DENUNCIATIONS_RESOLVED, "");
            both(facts, facts.committeeId(), day, Metric.denunciationResult(event.denunciationResult()), "");
        }
    }

    @EventHandler
    void on(DisciplineProposed event, @SequenceNumber long sequence) {
        if (firstTime(event.caseId().value(), sequence) && !event.toCommitteeId().equals(event.proposingCommitteeId())) {
            CaseFacts facts = facts(event.caseId().value());
            both(facts, event.proposingCommitteeId().value(), event.proposedOn(),
                    Metric.proposedUpward(facts.kind()), "");
        }
    }

    @EventHandler
    void on(DisciplineDecided event, @SequenceNumber long sequence) {
        if (!firstTime(event.caseId().value(), sequence)) {
            return;
        }
        CaseFacts facts = facts(event.caseId().value());
        String deciding = event.decidingCommitteeId().value();
        both(facts, deciding, event.decidedOn(), Metric.disciplined(facts.kind(), event.form()), deciding);
    }

    @EventHandler
    void on(DisciplineNotImposed event, @SequenceNumber long sequence) {
        if (firstTime(event.caseId().value(), sequence) && event.reason() == NotImposedReason.TIME_LIMIT_EXPIRED) {
            CaseFacts facts = facts(event.caseId().value());
            both(facts, event.decidingCommitteeId().value(), event.decidedOn(),
                    Metric.notImposed(facts.kind()), "");
        }
    }

    @EventHandler
    void on(AppealFiled event, @SequenceNumber long sequence) {
        if (firstTime(event.caseId().value(), sequence)) {
            CaseFacts facts = facts(event.caseId().value());
            both(facts, facts.committeeId(), event.filedOn(), Metric.APPEALS_FILED, "");
        }
    }

    @EventHandler
    void on(AppealResolved event, @SequenceNumber long sequence) {
        if (firstTime(event.caseId().value(), sequence)) {
            CaseFacts facts = facts(event.caseId().value());
            String resolving = event.resolvingCommitteeId().value();
            both(facts, resolving, event.resolvedOn(), Metric.APPEALS_RESOLVED, "");
            both(facts, resolving, event.resolvedOn(), Metric.appealResult(event.result()), "");
        }
    }

    /** A suspension counts once, on its day, under the deciding committee and the member's organization. */
    @EventHandler
    void on(MemberSuspended event, @SequenceNumber long sequence) {
        if (!firstTime(event.suspensionId().value(), sequence)) {
            return;
        }
        String deciding = event.decidingCommitteeId().value();
        String organization = event.member().organizationId().value();
        add(Perspective.ACTOR.name(), deciding, event.suspendedOn(), Metric.SUSPENDED_MEMBERS, "");
        add(Perspective.SUBJECT.name(), organization, event.suspendedOn(), Metric.SUSPENDED_MEMBERS, "");
        if (!event.member().committeeMemberOf().isEmpty()) {
            add(Perspective.ACTOR.name(), deciding, event.suspendedOn(), Metric.SUSPENDED_COMMITTEE_MEMBERS, "");
            add(Perspective.SUBJECT.name(), organization, event.suspendedOn(), Metric.SUSPENDED_COMMITTEE_MEMBERS, "");
        }
    }

    @EventHandler
    void on(ComplaintReceived event, @SequenceNumber long sequence) {
        if (!firstTime(event.complaintId().value(), sequence)) {
            return;
        }
        batch().received(event.complaintId().value(), new ComplaintFacts(event.committeeId().value(),
                event.accused().organizationId().value()));
        complaint(event.complaintId().value(), event.receivedOn(), Metric.DENUNCIATIONS_RECEIVED);
    }

    @EventHandler
    void on(ComplaintAccepted event, @SequenceNumber long sequence) {
        if (firstTime(event.complaintId().value(), sequence)) {
            complaint(event.complaintId().value(), event.acceptedOn(), Metric.DENUNCIATIONS_ACCEPTED);
        }
    }

    @EventHandler
    void on(ComplaintTransferred event, @SequenceNumber long sequence) {
        if (firstTime(event.complaintId().value(), sequence)) {
            complaint(event.complaintId().value(), event.transferredOn(), Metric.DENUNCIATIONS_TRANSFERRED);
            batch().complaintTransferred(event.complaintId().value(), event.toCommitteeId().value());
        }
    }

    @EventHandler
    void on(ComplaintDismissed event, @SequenceNumber long sequence) {
        if (firstTime(event.complaintId().value(), sequence)) {
            complaint(event.complaintId().value(), event.dismissedOn(), Metric.DENUNCIATIONS_DISMISSED);
        }
    }

    private void complaint(String complaintId, LocalDate day, Metric metric) {
        ComplaintFacts facts = batch().complaint(complaintId);
        add(Perspective.ACTOR.name(), facts.committeeId(), day, metric, "");
        add(Perspective.SUBJECT.name(), facts.accusedOrgId(), day, metric, "");
    }

    private boolean firstTime(String aggregateId, long sequence) {
        return batch().firstTime(aggregateId, sequence);
    }

    private CaseFacts facts(String caseId) {
        return batch().caseFacts(caseId);
    }

    private void both(CaseFacts facts, String actor, LocalDate day, Metric metric, String byCommittee) {
        add(Perspective.ACTOR.name(), actor, day, metric, byCommittee);
        add(Perspective.SUBJECT.name(), facts.subjectOrgId(), day, metric, byCommittee);
    }

    private void add(String perspective, String committee, LocalDate day, Metric metric, String byCommittee) {
        batch().counters.merge(new Counter(perspective, committee, day, metric.key(), byCommittee), 1, Integer::sum);
    }

    private Batch batch() {
        return EventBatch.current(NAME, Batch::new);
    }

    private record ComplaintFacts(String committeeId, String accusedOrgId) {
    }

    private record Counter(String perspective, String committeeId, LocalDate day, String metric, String byCommittee) {
    }

    private record Applied(String aggregateId, long sequence) {
    }

    /**
     * What a batch of events needs: the events already counted, the facts of its cases and complaints (each read in
     * one query for the whole batch), and the counters it adds to, summed in memory and written in one batched upsert
     * before the batch commits.
     */
    private final class Batch implements EventBatch.State {

        /** Events counted before or in this batch. */
        private final Set<Applied> applied = new HashSet<>();
        /** Events whose stored state was read (all the batch's events at once). */
        private final Set<Applied> asked = new HashSet<>();
        private final List<Applied> newlyApplied = new ArrayList<>();
        private final Map<String, CaseFacts> cases = new HashMap<>();
        private final Map<String, CaseFacts> changedCases = new LinkedHashMap<>();
        private final Map<String, ComplaintFacts> complaints = new HashMap<>();
        private final Map<String, ComplaintFacts> changedComplaints = new LinkedHashMap<>();
        private final Map<Counter, Integer> counters = new LinkedHashMap<>();

        Batch(List<EventMessage<?>> messages) {
            List<String> ids = new ArrayList<>();
            List<Long> sequences = new ArrayList<>();
            for (EventMessage<?> message : messages) {
                if (message instanceof DomainEventMessage<?> event) {
                    ids.add(event.getAggregateIdentifier());
                    sequences.add(event.getSequenceNumber());
                    asked.add(new Applied(event.getAggregateIdentifier(), event.getSequenceNumber()));
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            String[] idArray = ids.toArray(String[]::new);
            String[] distinct = ids.stream().distinct().toArray(String[]::new);
            jdbc.sql("""
                    select a.aggregate_id, a.sequence from stat_applied a
                    join unnest(:ids, :sequences) as b(aggregate_id, sequence)
                      on a.aggregate_id = b.aggregate_id and a.sequence = b.sequence""")
                    .param("ids", idArray).param("sequences", sequences.toArray(Long[]::new))
                    .query((rs, n) -> applied.add(new Applied(rs.getString(1), rs.getLong(2)))).list();
            jdbc.sql("select case_id, case_type, committee_id, subject_type, subject_org_id, committee_member"
                            + " from stat_case where case_id = any(:ids)")
                    .param("ids", distinct)
                    .query((rs, n) -> cases.put(rs.getString(1), new CaseFacts(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBoolean(6)))).list();
            jdbc.sql("select complaint_id, committee_id, accused_org_id from stat_complaint where complaint_id = any(:ids)")
                    .param("ids", distinct)
                    .query((rs, n) -> complaints.put(rs.getString(1), new ComplaintFacts(rs.getString(2), rs.getString(3))))
                    .list();
        }

        boolean firstTime(String aggregateId, long sequence) {
            Applied key = new Applied(aggregateId, sequence);
            if (asked.add(key) && jdbc.sql("select count(*) from stat_applied where aggregate_id = :id and sequence = :seq")
                    .param("id", aggregateId).param("seq", sequence).query(Long.class).single() > 0) {
                applied.add(key);
            }
            if (!applied.add(key)) {
                return false;
            }
            newlyApplied.add(key);
            return true;
        }

        CaseFacts caseFacts(String caseId) {
            CaseFacts facts = cases.get(caseId);
            if (facts == null) {
                throw new IllegalStateException("case " + caseId + " has no planning event before its other events");
            }
            return facts;
        }

        void planned(String caseId, CaseFacts facts) {
            if (cases.putIfAbsent(caseId, facts) == null) {
                changedCases.put(caseId, facts);
            }
        }

        void transferred(String caseId, String committeeId) {
            CaseFacts old = caseFacts(caseId);
            CaseFacts moved = new CaseFacts(old.type(), committeeId, old.subjectType(), old.subjectOrgId(),
                    old.committeeMember());
            cases.put(caseId, moved);
            changedCases.put(caseId, moved);
        }

        ComplaintFacts complaint(String complaintId) {
            ComplaintFacts facts = complaints.get(complaintId);
            if (facts == null) {
                throw new IllegalStateException("complaint " + complaintId + " has no receiving event before its other events");
            }
            return facts;
        }

        void received(String complaintId, ComplaintFacts facts) {
            if (complaints.putIfAbsent(complaintId, facts) == null) {
                changedComplaints.put(complaintId, facts);
            }
        }

        void complaintTransferred(String complaintId, String committeeId) {
            ComplaintFacts moved = new ComplaintFacts(committeeId, complaint(complaintId).accusedOrgId());
            complaints.put(complaintId, moved);
            changedComplaints.put(complaintId, moved);
        }

        @Override
        public void flush() {
            batchUpdate("insert into stat_applied (aggregate_id, sequence) values (:id, :seq) on conflict do nothing",
                    newlyApplied.stream().map(a -> new MapSqlParameterSource().addValue("id", a.aggregateId())
                            .addValue("seq", a.sequence())).toList());
            batchUpdate("""
                    insert into stat_case (case_id, case_type, committee_id, subject_type, subject_org_id, committee_member)
                    values (:id, :type, :committee, :subjectType, :org, :member)
                    on conflict (case_id) do update set committee_id = excluded.committee_id""",
                    changedCases.entrySet().stream().map(e -> new MapSqlParameterSource().addValue("id", e.getKey())
                            .addValue("type", e.getValue().type()).addValue("committee", e.getValue().committeeId())
                            .addValue("subjectType", e.getValue().subjectType()).addValue("org", e.getValue().subjectOrgId())
                            .addValue("member", e.getValue().committeeMember())).toList());
            batchUpdate("""
                    insert into stat_complaint (complaint_id, committee_id, accused_org_id) values (:id, :committee, :org)
                    on conflict (complaint_id) do update set committee_id = excluded.committee_id""",
                    changedComplaints.entrySet().stream().map(e -> new MapSqlParameterSource().addValue("id", e.getKey())
                            .addValue("committee", e.getValue().committeeId())
                            .addValue("org", e.getValue().accusedOrgId())).toList());
            batchUpdate("""
                    insert into stat_counter (perspective, committee_id, day, metric, by_committee_id, count)
                    values (:p, :committee, :day, :metric, :by, :n)
                    on conflict (perspective, committee_id, day, metric, by_committee_id)
                    do update set count = stat_counter.count + excluded.count""",
                    counters.entrySet().stream().map(e -> new MapSqlParameterSource()
                            .addValue("p", e.getKey().perspective()).addValue("committee", e.getKey().committeeId())
                            .addValue("day", e.getKey().day()).addValue("metric", e.getKey().metric())
                            .addValue("by", e.getKey().byCommittee()).addValue("n", e.getValue())).toList());
            newlyApplied.clear();
            changedCases.clear();
            changedComplaints.clear();
            counters.clear();
        }

        private void batchUpdate(String sql, List<MapSqlParameterSource> rows) {
            if (!rows.isEmpty()) {
                template.batchUpdate(sql, rows.toArray(MapSqlParameterSource[]::new));
            }
        }
    }
}
