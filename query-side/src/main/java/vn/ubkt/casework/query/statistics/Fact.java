package vn.ubkt.casework.query.statistics;

import java.time.LocalDate;
import java.util.Map;

/**
 * One counted step of one case, complaint or suspension, as the statistics projection keeps it beside its counters
 * ({@code stat_fact}): the step, its business day, the committee it counts under for each perspective (the same
 * committees the counters use) and the case's facts at that step, keyed by {@link FactAttribute}. The statistical
 * forms count facts, and their drill-down lists the same facts' cases.
 */
public record Fact(String aggregateId, long sequence, Step step, LocalDate day, String actorId, String subjectOrgId,
                   String caseId, Map<String, Object> attributes) {

    /** The steps a fact records; each is counted once, on its own business date (API.md "Statistics"). */
    public enum Step {
        /** An inspection or a supervision opened (a denunciation is counted by its own steps). */
        OPENED,
        CONCLUDED,
        /** Discipline proposed to a body other than the proposing one. */
        PROPOSED_UPWARD,
        DISCIPLINED,
        NOT_IMPOSED,
        APPEAL_FILED,
        APPEAL_RESOLVED,
        SUSPENDED,
        COMPLAINT_RECEIVED,
        COMPLAINT_ACCEPTED,
        COMPLAINT_TRANSFERRED,
        COMPLAINT_DISMISSED
    }

    /** The committee the fact counts under from a perspective. */
    public String committee(Perspective perspective) {
        return perspective == Perspective.ACTOR ? actorId : subjectOrgId;
    }

    public Object attribute(FactAttribute attribute) {
        return attributes.get(attribute.key());
    }
}
