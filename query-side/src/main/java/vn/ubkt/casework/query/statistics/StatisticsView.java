package vn.ubkt.casework.query.statistics;

import com.fasterxml.jackson.annotation.JsonProperty;
import vn.ubkt.casework.query.committeetree.Scope;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The figures of API.md "Statistics and reports": every key always present, zero when nothing happened. */
public record StatisticsView(
        String committeeId,
        LocalDate from,
        LocalDate to,
        Scope scope,
        Perspective perspective,
        Inspected inspected,
        Supervised supervised,
        Concluded concluded,
        Disciplined disciplined,
        Map<String, Integer> violationCategories,
        Denunciations denunciations,
        Appeals appeals,
        Suspended suspended) {

    public record Count(int organizations, int members) {
    }

    /** Conclusions by outcome (API.md keys are the outcome codes), and those that warranted discipline. */
    public record Concluded(@JsonProperty("NO_VIOLATION") Count noViolation,
                            @JsonProperty("SHORTCOMING") Count shortcoming,
                            @JsonProperty("VIOLATION") Count violation,
                            @JsonProperty("SIGNS_OF_VIOLATION") Count signsOfViolation,
                            Count disciplineWarranted) {
    }

    public record Inspected(int organizations, int members, int committeeMembers, Map<String, Count> byType) {
    }

    public record Supervised(int organizations, int members, Map<String, Count> byType) {
    }

    public record Disciplined(Map<String, Integer> organizations, Map<String, Integer> members, Count notImposed,
                              Count proposedUpward, List<ByDecidingCommittee> byDecidingCommittee) {
    }

    public record ByDecidingCommittee(String committeeId, String name, Map<String, Integer> organizations,
                                      Map<String, Integer> members) {
    }

    public record Denunciations(int received, int accepted, int transferred, int dismissed, int resolved,
                                Map<String, Integer> byResult) {
    }

    public record Appeals(int filed, int resolved, Map<String, Integer> byResult) {
    }

    /**
     * Members whose party (or committee) activity was suspended, counted on the day of suspension, and of them those
     * who sit on a committee (QĐ 885 form 11 counts suspension in its own column; it is not a discipline form).
     */
    public record Suspended(int members, int committeeMembers) {
    }
}
