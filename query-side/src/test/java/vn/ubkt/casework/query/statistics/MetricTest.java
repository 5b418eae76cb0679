package vn.ubkt.casework.query.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.events.cases.AppealResult;
import vn.ubkt.casework.events.cases.CaseType;
import vn.ubkt.casework.events.cases.DisciplineForm;
import vn.ubkt.casework.events.cases.Outcome;
import vn.ubkt.casework.events.cases.ViolationCategory;

/** The keys are stored in stat_counter: they may never change, or counters already written stop counting. */
@DisplayName("Metrics keep the keys the counters were written with")
class MetricTest {

    @Test
    @DisplayName("each metric has the key the statistics table already holds")
    void keys() {
        assertThat(Metric.opened(CaseType.Group.INSPECTION, Metric.Kind.MEMBERS).key()).isEqualTo("inspected.members");
        assertThat(Metric.opened(CaseType.Group.SUPERVISION, Metric.Kind.ORGANIZATIONS).key()).isEqualTo("supervised.organizations");
        assertThat(Metric.openedByType(CaseType.SUPERVISION_THEMATIC, Metric.Kind.MEMBERS).key())
                .isEqualTo("supervised.byType.SUPERVISION_THEMATIC.members");
        assertThat(Metric.concluded(Outcome.VIOLATION, Metric.Kind.MEMBERS).key()).isEqualTo("concluded.VIOLATION.members");
        assertThat(Metric.disciplineWarranted(Metric.Kind.ORGANIZATIONS).key())
                .isEqualTo("concluded.disciplineWarranted.organizations");
        assertThat(Metric.disciplined(Metric.Kind.MEMBERS, DisciplineForm.WARNING).key()).isEqualTo("disciplined.members.WARNING");
        assertThat(Metric.notImposed(Metric.Kind.MEMBERS).key()).isEqualTo("disciplined.notImposed.members");
        assertThat(Metric.proposedUpward(Metric.Kind.MEMBERS).key()).isEqualTo("disciplined.proposedUpward.members");
        assertThat(Metric.violationCategory(ViolationCategory.LAND_AND_RESOURCES).key())
                .isEqualTo("violationCategories.LAND_AND_RESOURCES");
        assertThat(Metric.appealResult(AppealResult.UPHELD).key()).isEqualTo("appeals.byResult.UPHELD");
        assertThat(Metric.INSPECTED_COMMITTEE_MEMBERS.key()).isEqualTo("inspected.committeeMembers");
    }

    @Test
    @DisplayName("the discipline metrics are the forms decided, not the proposals or the refusals")
    void disciplined() {
        assertThat(Metric.disciplinedKeys()).contains("disciplined.members.EXPULSION", "disciplined.organizations.DISSOLUTION")
                .doesNotContain("disciplined.notImposed.members", "disciplined.proposedUpward.members");
    }

    @Test
    @DisplayName("a denunciation is not counted as an opened inspection or supervision")
    void denunciationNotOpened() {
        assertThatThrownBy(() -> Metric.opened(CaseType.Group.DENUNCIATION, Metric.Kind.MEMBERS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
