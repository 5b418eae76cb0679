package vn.ubkt.casework.query.casedetail;

import java.time.LocalDate;

/** A line of the case list. {@code subjectName} is the member's name or the organization's. */
public record CaseSummaryView(
        String id,
        String type,
        String status,
        String committeeId,
        String committeeName,
        String subjectType,
        String subjectName,
        String subjectOrganizationId,
        String memberId,
        String planRef,
        LocalDate plannedOn,
        String content,
        String disciplineInForce,
        long version) {
}
