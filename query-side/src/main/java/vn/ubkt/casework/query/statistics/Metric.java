package vn.ubkt.casework.query.statistics;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import vn.ubkt.casework.events.cases.AppealResult;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.DenunciationResult;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.ViolationCategory;

/**
 * What a statistics counter counts. The one vocabulary of the statistics writer and its readers: the projection
 * counts a {@code Metric}, the queries and targets ask for the same {@code Metric}s; {@link #key()} is what
 * {@code stat_counter.metric} stores (kept as it was, so counters already written still count).
 */
public record Metric(String key) {

    /** Whether a step concerned a party organization or a party member. */
    public enum Kind {
        ORGANIZATIONS("organizations"), MEMBERS("members");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public static Kind of(boolean member) {
            return member ? MEMBERS : ORGANIZATIONS;
        }
    }

    public static final Metric INSPECTED_COMMITTEE_MEMBERS = new Metric("inspected.committeeMembers");
    public static final Metric DENUNCIATIONS_RECEIVED = new Metric("denunciations.received");
    public static final Metric DENUNCIATIONS_ACCEPTED = new Metric("denunciations.accepted");
    public static final Metric DENUNCIATIONS_TRANSFERRED = new Metric("denunciations.transferred");
    public static final Metric DENUNCIATIONS_DISMISSED = new Metric("denunciations.dismissed");
    public static final Metric DENUNCIATIONS_RESOLVED = new Metric("denunciations.resolved");
    public static final Metric APPEALS_FILED = new Metric("appeals.filed");
    public static final Metric APPEALS_RESOLVED = new Metric("appeals.resolved");
    /** Suspensions of party activity, on the day of suspension (not a discipline form). */
    public static final Metric SUSPENDED_MEMBERS = new Metric("suspended.members");
    public static final Metric SUSPENDED_COMMITTEE_MEMBERS = new Metric("suspended.committeeMembers");

    public Metric {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a metric has a key");
        }
    }

    /** Opened as an inspection or a supervision (a denunciation counts in its own metrics): inspected/supervised. */
    public static Metric opened(CaseType.Group group, Kind kind) {
        return new Metric(groupWord(group) + "." + kind.word);
    }

    public static Metric openedByType(CaseType type, Kind kind) {
        return new Metric(groupWord(type.group()) + ".byType." + type.name() + "." + kind.word);
    }

    private static String groupWord(CaseType.Group group) {
        return switch (group) {
            case INSPECTION -> "inspected";
            case SUPERVISION -> "supervised";
            case DENUNCIATION -> throw new IllegalArgumentException("a denunciation is not counted as opened");
        };
    }

    public static Metric concluded(Outcome outcome, Kind kind) {
        return new Metric("concluded." + outcome.name() + "." + kind.word);
    }

    public static Metric disciplineWarranted(Kind kind) {
        return new Metric("concluded.disciplineWarranted." + kind.word);
    }

    public static Metric violationCategory(ViolationCategory category) {
        return new Metric("violationCategories." + category.name());
    }

    public static Metric denunciationResult(DenunciationResult result) {
        return new Metric("denunciations.byResult." + result.name());
    }

    public static Metric proposedUpward(Kind kind) {
        return new Metric("disciplined.proposedUpward." + kind.word);
    }

    /** A discipline decided with its form; counted with the deciding committee beside it. */
    public static Metric disciplined(Kind kind, DisciplineForm form) {
        return new Metric("disciplined." + kind.word + "." + form.name());
    }

    public static Metric notImposed(Kind kind) {
        return new Metric("disciplined.notImposed." + kind.word);
    }

    public static Metric appealResult(AppealResult result) {
        return new Metric("appeals.byResult." + result.name());
    }

    /** Every metric of a discipline decided with a form, organizations' and members'. */
    public static Set<String> disciplinedKeys() {
        return Arrays.stream(Kind.values())
                .flatMap(kind -> Arrays.stream(DisciplineForm.values()).map(form -> disciplined(kind, form).key()))
                .collect(Collectors.toSet());
    }

    /** Keys for a SQL {@code in (…)}. */
    public static List<String> keys(Metric... metrics) {
        return Arrays.stream(metrics).map(Metric::key).toList();
    }
}
