package vn.ubkt.casework.query.statistics;

import java.time.Instant;
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
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
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
import vn.ubkt.casework.query.platform.PlannedEachTime;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts each step once, on its business date (API.md "Statistics"): inspected and supervised by the
 * opening date, concluded by the conclusion date, disciplined by the decision date with the form decided.
 * Suspensions of party activity count on the day of suspension. Each counter is kept twice: under the acting
 * committee and under the subject's organization. Events are handled in batches ({@link EventBatch}): what a batch
 * adds is summed in memory and written in a few batched statements. Beside each counter's increments, one {@link Fact}
 * per counted step records the case's facts at that step, for the statistical forms and the cases behind their cells.
 */
@Component
@ProcessingGroup(StatisticsProjection.NAME)
class StatisticsProjection {

    static final String NAME = "statistics";

    private final NamedParameterJdbcTemplate template;
    private final JdbcClient jdbc;
    /**
     * A batch's reads of what its aggregates already hold, planned with their values each time: prepared once by name,
     * the read of the events counted kept the plan PostgreSQL made while the table was nearly empty (read it whole)
     * and took 137 ms a batch once it held 300,000 rows, where its own plan reads the key for 0.3 ms.
     */
    private final JdbcClient lookups;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    StatisticsProjection(NamedParameterJdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
        this.lookups = PlannedEachTime.client(template.getJdbcTemplate().getDataSource());
    }

    /**
     * What is remembered of a case between its events; {@code details} holds the facts the forms ask for (the
     * subject's memberships, managing committee, membership; the conclusion's outcome and categories), empty for a
     * case planned before the forms existed until the projection is rebuilt.
     */
    private record CaseFacts(String type, String committeeId, String subjectType, String subjectOrgId,
                             boolean committeeMember, Map<String, Object> details) {

        CaseFacts with(String committee) {
            return new CaseFacts(type, committee, subjectType, subjectOrgId, committeeMember, details);
        }

        CaseFacts withDetails(Map<String, Object> more) {
            Map<String, Object> merged = new LinkedHashMap<>(details);
            merged.putAll(more);
            return new CaseFacts(type, committeeId, subjectType, subjectOrgId, committeeMember, merged);
        }

        /** The fact attributes every step of the case carries. */
        Map<String, Object> attributes() {
            Map<String, Object> attributes = new LinkedHashMap<>(details);
            attributes.put(FactAttribute.CASE_TYPE.key(), type);
            attributes.put(FactAttribute.GROUP.key(), group().name());
            attributes.put(FactAttribute.SUBJECT.key(), subjectType);
            attributes.put(FactAttribute.COMMITTEE_MEMBER.key(), committeeMember);
            return attributes;
        }

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
                event.subject().organizationId().value(), committeeMember, subjectDetails(event.subject())));
    }

    @EventHandler
    void on(CaseTransferred event, @SequenceNumber long sequence) {
        if (firstTime(event.caseId().value(), sequence)) {
            batch().transferred(event.caseId().value(), event.toCommitteeId().value());
        }
    }

    @EventHandler
    void on(CaseOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
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
        fact(event.caseId().value(), sequence, Fact.Step.OPENED, event.openedOn(), facts.committeeId(), facts, Map.of(), at);
    }

    @EventHandler
    void on(CaseConcluded event, @SequenceNumber long sequence, @Timestamp Instant at) {
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
        Map<String, Object> conclusion = new LinkedHashMap<>();
        conclusion.put(FactAttribute.OUTCOME.key(), event.outcome().name());
        conclusion.put(FactAttribute.WARRANTED.key(), event.disciplineWarranted());
        conclusion.put(FactAttribute.CATEGORY.key(), event.violationCategories().stream().map(Enum::name).toList());
        if (event.referredToInvestigation() != null) {
            conclusion.put(FactAttribute.REFERRED_TO_INVESTIGATION.key(), event.referredToInvestigation());
        }
        CaseFacts concluded = batch().concluded(event.caseId().value(), conclusion);
        Map<String, Object> step = new LinkedHashMap<>();
        if (event.denunciationResult() != null) {
            step.put(FactAttribute.DENUNCIATION_RESULT.key(), event.denunciationResult().name());
        }
        if (event.amountInViolation() != null) {
            step.put(FactAttribute.AMOUNT_IN_VIOLATION.key(), event.amountInViolation());
        }
        if (event.amountRecovered() != null) {
            step.put(FactAttribute.AMOUNT_RECOVERED.key(), event.amountRecovered());
        }
        fact(event.caseId().value(), sequence, Fact.Step.CONCLUDED, day, concluded.committeeId(), concluded, step, at);
    }

    @EventHandler
    void on(DisciplineProposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (firstTime(event.caseId().value(), sequence) && !event.toCommitteeId().equals(event.proposingCommitteeId())) {
            CaseFacts facts = facts(event.caseId().value());
            both(facts, event.proposingCommitteeId().value(), event.proposedOn(),
                    Metric.proposedUpward(facts.kind()), "");
            fact(event.caseId().value(), sequence, Fact.Step.PROPOSED_UPWARD, event.proposedOn(),
                    event.proposingCommitteeId().value(), facts, Map.of(FactAttribute.FORM.key(), event.form().name()), at);
        }
    }

    @EventHandler
    void on(DisciplineDecided event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (!firstTime(event.caseId().value(), sequence)) {
            return;
        }
        CaseFacts facts = facts(event.caseId().value());
        String deciding = event.decidingCommitteeId().value();
        both(facts, deciding, event.decidedOn(), Metric.disciplined(facts.kind(), event.form()), deciding);
        Map<String, Object> step = new LinkedHashMap<>();
        step.put(FactAttribute.FORM.key(), event.form().name());
        if (event.legalHandling() != null) {
            step.put(FactAttribute.LEGAL_HANDLING.key(), event.legalHandling().name());
        }
        if (event.administrativeHandling() != null) {
            step.put(FactAttribute.ADMINISTRATIVE_HANDLING.key(), event.administrativeHandling());
        }
        fact(event.caseId().value(), sequence, Fact.Step.DISCIPLINED, event.decidedOn(), deciding, facts, step, at);
    }

    @EventHandler
    void on(DisciplineNotImposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (!firstTime(event.caseId().value(), sequence)) {
            return;
        }
        CaseFacts facts = facts(event.caseId().value());
        if (event.reason() == NotImposedReason.TIME_LIMIT_EXPIRED) {
            both(facts, event.decidingCommitteeId().value(), event.decidedOn(),
                    Metric.notImposed(facts.kind()), "");
        }
        fact(event.caseId().value(), sequence, Fact.Step.NOT_IMPOSED, event.decidedOn(),
                event.decidingCommitteeId().value(), facts,
                Map.of(FactAttribute.NOT_IMPOSED_REASON.key(), event.reason().name()), at);
    }

    @EventHandler
    void on(AppealFiled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (firstTime(event.caseId().value(), sequence)) {
            CaseFacts facts = facts(event.caseId().value());
            both(facts, facts.committeeId(), event.filedOn(), Metric.APPEALS_FILED, "");
            fact(event.caseId().value(), sequence, Fact.Step.APPEAL_FILED, event.filedOn(), facts.committeeId(), facts,
                    Map.of(), at);
        }
    }

    @EventHandler
    void on(AppealResolved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (firstTime(event.caseId().value(), sequence)) {
            CaseFacts facts = facts(event.caseId().value());
            String resolving = event.resolvingCommitteeId().value();
            both(facts, resolving, event.resolvedOn(), Metric.APPEALS_RESOLVED, "");
            both(facts, resolving, event.resolvedOn(), Metric.appealResult(event.result()), "");
            Map<String, Object> step = new LinkedHashMap<>();
            step.put(FactAttribute.APPEAL_RESULT.key(), event.result().name());
            step.put(FactAttribute.FORM.key(), event.previousForm().name());
            if (event.changeReason() != null) {
                step.put(FactAttribute.CHANGE_REASON.key(), event.changeReason().name());
            }
            fact(event.caseId().value(), sequence, Fact.Step.APPEAL_RESOLVED, event.resolvedOn(), resolving, facts, step, at);
        }
    }

    /** A suspension counts once, on its day, under the deciding committee and the member's organization. */
    @EventHandler
    void on(MemberSuspended event, @SequenceNumber long sequence, @Timestamp Instant at) {
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
        Map<String, Object> attributes = new LinkedHashMap<>(subjectDetails(event.member()));
        attributes.put(FactAttribute.SUBJECT.key(), "MEMBER");
        attributes.put(FactAttribute.COMMITTEE_MEMBER.key(), !event.member().committeeMemberOf().isEmpty());
        attributes.put(FactAttribute.SUSPENSION_KIND.key(), event.kind().name());
        batch().facts.add(new Fact(event.suspensionId().value(), sequence, Fact.Step.SUSPENDED, event.suspendedOn(), deciding,
                organization, event.caseId() == null ? null : event.caseId().value(), attributes));
        batch().recordedAt.add(at);
    }

    @EventHandler
    void on(ComplaintReceived event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (!firstTime(event.complaintId().value(), sequence)) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>(subjectDetails(event.accused()));
        details.put(FactAttribute.SUBJECT.key(), event.accused() instanceof Subject.Member ? "MEMBER" : "ORGANIZATION");
        details.put(FactAttribute.COMMITTEE_MEMBER.key(), event.accused() instanceof Subject.Member member
                && !member.committeeMemberOf().isEmpty());
        details.put(FactAttribute.ANONYMOUS.key(), event.anonymous());
        if (event.writerKind() != null) {
            details.put(FactAttribute.WRITER_KIND.key(), event.writerKind().name());
        }
        batch().received(event.complaintId().value(), new ComplaintFacts(event.committeeId().value(),
                event.accused().organizationId().value(), details));
        complaint(event.complaintId().value(), sequence, event.receivedOn(), Metric.DENUNCIATIONS_RECEIVED,
                Fact.Step.COMPLAINT_RECEIVED, at);
    }

    @EventHandler
    void on(ComplaintAccepted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (firstTime(event.complaintId().value(), sequence)) {
            complaint(event.complaintId().value(), sequence, event.acceptedOn(), Metric.DENUNCIATIONS_ACCEPTED,
                    Fact.Step.COMPLAINT_ACCEPTED, at);
        }
    }

    @EventHandler
    void on(ComplaintTransferred event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (firstTime(event.complaintId().value(), sequence)) {
            complaint(event.complaintId().value(), sequence, event.transferredOn(), Metric.DENUNCIATIONS_TRANSFERRED,
                    Fact.Step.COMPLAINT_TRANSFERRED, at);
            batch().complaintTransferred(event.complaintId().value(), event.toCommitteeId().value());
        }
    }

    @EventHandler
    void on(ComplaintDismissed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (firstTime(event.complaintId().value(), sequence)) {
            complaint(event.complaintId().value(), sequence, event.dismissedOn(), Metric.DENUNCIATIONS_DISMISSED,
                    Fact.Step.COMPLAINT_DISMISSED, at);
        }
    }

    private void complaint(String complaintId, long sequence, LocalDate day, Metric metric, Fact.Step step, Instant at) {
        ComplaintFacts facts = batch().complaint(complaintId);
        add(Perspective.ACTOR.name(), facts.committeeId(), day, metric, "");
        add(Perspective.SUBJECT.name(), facts.accusedOrgId(), day, metric, "");
        batch().facts.add(new Fact(complaintId, sequence, step, day, facts.committeeId(), facts.accusedOrgId(), null,
                facts.details()));
        batch().recordedAt.add(at);
    }

    /** The subject's facts the forms ask for, as remembered with the case (or the complaint). */
    private static Map<String, Object> subjectDetails(Subject subject) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (subject instanceof Subject.Member member) {
            details.put("memberId", member.memberId());
            details.put(FactAttribute.MEMBERSHIP.key(), member.membership().name());
            details.put("committeeMemberOf", member.committeeMemberOf().stream().map(c -> c.value()).toList());
            if (member.managedByCommitteeId() != null) {
                details.put("managedBy", member.managedByCommitteeId().value());
            }
        }
        return details;
    }

    private void fact(String caseId, long sequence, Fact.Step step, LocalDate day, String actor, CaseFacts facts,
                      Map<String, Object> stepAttributes, Instant at) {
        Map<String, Object> attributes = facts.attributes();
        attributes.putAll(stepAttributes);
        batch().facts.add(new Fact(caseId, sequence, step, day, actor, facts.subjectOrgId(), caseId, attributes));
        batch().recordedAt.add(at);
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

    private record ComplaintFacts(String committeeId, String accusedOrgId, Map<String, Object> details) {
    }

    private record Counter(String perspective, String committeeId, LocalDate day, String metric, String byCommittee) {
    }

    private static final java.util.Comparator<Counter> COUNTER_ORDER = java.util.Comparator.comparing(Counter::perspective)
            .thenComparing(Counter::committeeId).thenComparing(Counter::day).thenComparing(Counter::metric)
            .thenComparing(Counter::byCommittee);

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
        private final List<Fact> facts = new ArrayList<>();
        private final List<Instant> recordedAt = new ArrayList<>();
        /**
         * A batch of a rebuild's first pass ({@link EventBatch#firstPass()}): no event was counted before, and the
         * counters, the events counted and the facts are plain inserts into tables with no key yet; the rebuild sums
         * the counters of one key and sets the keys when the pass ends ({@link StatisticsDefinition}).
         */
        private final boolean firstPass = EventBatch.firstPass();

        Batch(List<EventMessage<?>> messages) {
            List<String> ids = new ArrayList<>();
            for (EventMessage<?> message : messages) {
                if (message instanceof DomainEventMessage<?> event) {
                    ids.add(event.getAggregateIdentifier());
                    asked.add(new Applied(event.getAggregateIdentifier(), event.getSequenceNumber()));
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            String[] distinct = ids.stream().distinct().toArray(String[]::new);
            if (!firstPass) {
                // every event counted of the batch's aggregates: one descent of the key per aggregate where asking for
                // each event took one per event (a case's several events in a batch share one)
                lookups.sql("select aggregate_id, sequence from stat_applied where aggregate_id = any(:ids)")
                        .param("ids", distinct)
                        .query((rs, n) -> applied.add(new Applied(rs.getString(1), rs.getLong(2)))).list();
            }
            lookups.sql("select case_id, case_type, committee_id, subject_type, subject_org_id, committee_member, subject::text"
                            + " from stat_case where case_id = any(:ids)")
                    .param("ids", distinct)
                    .query((rs, n) -> cases.put(rs.getString(1), new CaseFacts(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBoolean(6), details(rs.getString(7))))).list();
            lookups.sql("select complaint_id, committee_id, accused_org_id, facts::text from stat_complaint"
                            + " where complaint_id = any(:ids)")
                    .param("ids", distinct)
                    .query((rs, n) -> complaints.put(rs.getString(1), new ComplaintFacts(rs.getString(2), rs.getString(3),
                            details(rs.getString(4)))))
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
            CaseFacts moved = caseFacts(caseId).with(committeeId);
            cases.put(caseId, moved);
            changedCases.put(caseId, moved);
        }

        /** The conclusion's facts, remembered for the case's later steps (a discipline counts its categories). */
        CaseFacts concluded(String caseId, Map<String, Object> conclusion) {
            CaseFacts concluded = caseFacts(caseId).withDetails(conclusion);
            cases.put(caseId, concluded);
            changedCases.put(caseId, concluded);
            return concluded;
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
            ComplaintFacts old = complaint(complaintId);
            ComplaintFacts moved = new ComplaintFacts(committeeId, old.accusedOrgId(), old.details());
            complaints.put(complaintId, moved);
            changedComplaints.put(complaintId, moved);
        }

        /**
         * Writes the batch in five batched statements with positional parameters set directly: named parameters cost
         * a third of the projection's time in a profile of its rebuild (each value's type looked up per row).
         */
        @Override
        public void flush() {
            batch("insert into stat_applied (aggregate_id, sequence) values (?, ?)" + keyed(" on conflict do nothing"),
                    newlyApplied, (ps, applied) -> {
                        ps.setString(1, applied.aggregateId());
                        ps.setLong(2, applied.sequence());
                    });
            batch("""
                    insert into stat_case (case_id, case_type, committee_id, subject_type, subject_org_id, committee_member,
                                           subject)
                    values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                    on conflict (case_id) do update set committee_id = excluded.committee_id, subject = excluded.subject""",
                    changedCases.entrySet(), (ps, e) -> {
                        ps.setString(1, e.getKey());
                        ps.setString(2, e.getValue().type());
                        ps.setString(3, e.getValue().committeeId());
                        ps.setString(4, e.getValue().subjectType());
                        ps.setString(5, e.getValue().subjectOrgId());
                        ps.setBoolean(6, e.getValue().committeeMember());
                        ps.setString(7, JSON.writeValueAsString(e.getValue().details()));
                    });
            batch("""
                    insert into stat_complaint (complaint_id, committee_id, accused_org_id, facts)
                    values (?, ?, ?, cast(? as jsonb))
                    on conflict (complaint_id) do update set committee_id = excluded.committee_id""",
                    changedComplaints.entrySet(), (ps, e) -> {
                        ps.setString(1, e.getKey());
                        ps.setString(2, e.getValue().committeeId());
                        ps.setString(3, e.getValue().accusedOrgId());
                        ps.setString(4, JSON.writeValueAsString(e.getValue().details()));
                    });
            List<Integer> factRows = java.util.stream.IntStream.range(0, facts.size()).boxed().toList();
            batch("""
                    insert into stat_fact (aggregate_id, sequence, step, day, actor_id, subject_org_id, case_id, facts,
                                           recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)"""
                            + keyed(" on conflict (aggregate_id, sequence) do nothing"), factRows, (ps, i) -> {
                        Fact fact = facts.get(i);
                        ps.setString(1, fact.aggregateId());
                        ps.setLong(2, fact.sequence());
                        ps.setString(3, fact.step().name());
                        ps.setObject(4, fact.day());
                        ps.setString(5, fact.actorId());
                        ps.setString(6, fact.subjectOrgId());
                        ps.setString(7, fact.caseId());
                        ps.setString(8, JSON.writeValueAsString(fact.attributes()));
                        ps.setTimestamp(9, java.sql.Timestamp.from(recordedAt.get(i)));
                    });
            batch("""
                    insert into stat_counter (perspective, committee_id, day, metric, by_committee_id, count)
                    values (?, ?, ?, ?, ?, ?)""" + keyed("""
                     on conflict (perspective, committee_id, day, metric, by_committee_id)
                    do update set count = stat_counter.count + excluded.count"""),
                    // in one order for every batch: the two segments' batches add to the same counters, and each locked
                    // them in the order its events came, which deadlocked
                    counters.entrySet().stream().sorted(Map.Entry.comparingByKey(COUNTER_ORDER)).toList(), (ps, e) -> {
                        ps.setString(1, e.getKey().perspective());
                        ps.setString(2, e.getKey().committeeId());
                        ps.setObject(3, e.getKey().day());
                        ps.setString(4, e.getKey().metric());
                        ps.setString(5, e.getKey().byCommittee());
                        ps.setInt(6, e.getValue());
                    });
            newlyApplied.clear();
            changedCases.clear();
            changedComplaints.clear();
            counters.clear();
            facts.clear();
            recordedAt.clear();
        }

        /** A statement's clause that needs the table's key: none in a first pass, whose tables have none yet. */
        private String keyed(String clause) {
            return firstPass ? "" : clause;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> details(String json) {
            return json == null ? Map.of() : JSON.readValue(json, Map.class);
        }

        private <T> void batch(String sql, java.util.Collection<T> rows, ParameterizedPreparedStatementSetter<T> setter) {
            if (!rows.isEmpty()) {
                template.getJdbcTemplate().batchUpdate(sql, rows, rows.size(), setter);
            }
        }
    }
}
