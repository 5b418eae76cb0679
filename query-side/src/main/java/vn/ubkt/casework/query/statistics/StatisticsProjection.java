package vn.ubkt.casework.query.statistics;

import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
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

/**
 * Counts each step once, on its business date (API.md "Statistics"): inspected and supervised by the
 * opening date, concluded by the conclusion date, disciplined by the decision date with the form decided.
 * Suspensions of party activity count on the day of suspension. Each counter is kept twice: under the acting
 * committee and under the subject's organization.
 */
@Component
@ProcessingGroup(StatisticsProjection.NAME)
class StatisticsProjection {

    static final String NAME = "statistics";

    private final JdbcClient jdbc;

    StatisticsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        jdbc.sql("""
                insert into stat_case (case_id, case_type, committee_id, subject_type, subject_org_id, committee_member)
                values (:id, :type, :committee, :subjectType, :org, :member) on conflict do nothing""")
                .param("id", event.caseId().value()).param("type", event.type().name())
                .param("committee", event.committeeId().value())
                .param("subjectType", event.subject() instanceof Subject.Member ? "MEMBER" : "ORGANIZATION")
                .param("org", event.subject().organizationId().value()).param("member", committeeMember).update();
    }

    @EventHandler
    void on(CaseTransferred event, @SequenceNumber long sequence) {
        if (firstTime(event.caseId().value(), sequence)) {
            jdbc.sql("update stat_case set committee_id = :committee where case_id = :id")
                    .param("committee", event.toCommitteeId().value()).param("id", event.caseId().value()).update();
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
        jdbc.sql("""
                insert into stat_complaint (complaint_id, committee_id, accused_org_id)
                values (:id, :committee, :org) on conflict do nothing""")
                .param("id", event.complaintId().value()).param("committee", event.committeeId().value())
                .param("org", event.accused().organizationId().value()).update();
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
            jdbc.sql("update stat_complaint set committee_id = :committee where complaint_id = :id")
                    .param("committee", event.toCommitteeId().value()).param("id", event.complaintId().value()).update();
        }
    }

    @EventHandler
    void on(ComplaintDismissed event, @SequenceNumber long sequence) {
        if (firstTime(event.complaintId().value(), sequence)) {
            complaint(event.complaintId().value(), event.dismissedOn(), Metric.DENUNCIATIONS_DISMISSED);
        }
    }

    private void complaint(String complaintId, LocalDate day, Metric metric) {
        jdbc.sql("select committee_id, accused_org_id from stat_complaint where complaint_id = :id")
                .param("id", complaintId)
                .query((rs, n) -> {
                    add(Perspective.ACTOR.name(), rs.getString(1), day, metric, "");
                    add(Perspective.SUBJECT.name(), rs.getString(2), day, metric, "");
                    return null;
                }).list();
    }

    private boolean firstTime(String aggregateId, long sequence) {
        return jdbc.sql("insert into stat_applied (aggregate_id, sequence) values (:id, :seq) on conflict do nothing")
                .param("id", aggregateId).param("seq", sequence).update() == 1;
    }

    private CaseFacts facts(String caseId) {
        return jdbc.sql("select case_type, committee_id, subject_type, subject_org_id, committee_member from stat_case where case_id = :id")
                .param("id", caseId)
                .query((rs, n) -> new CaseFacts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .single();
    }

    private void both(CaseFacts facts, String actor, LocalDate day, Metric metric, String byCommittee) {
        add(Perspective.ACTOR.name(), actor, day, metric, byCommittee);
        add(Perspective.SUBJECT.name(), facts.subjectOrgId(), day, metric, byCommittee);
    }

    private void add(String perspective, String committee, LocalDate day, Metric metric, String byCommittee) {
        jdbc.sql("""
                insert into stat_counter (perspective, committee_id, day, metric, by_committee_id, count)
                values (:p, :committee, :day, :metric, :by, 1)
                on conflict (perspective, committee_id, day, metric, by_committee_id)
                do update set count = stat_counter.count + 1""")
                .param("p", perspective).param("committee", committee).param("day", day).param("metric", metric.key())
                .param("by", byCommittee).update();
    }
}
