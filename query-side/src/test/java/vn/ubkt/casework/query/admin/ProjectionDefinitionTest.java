package vn.ubkt.casework.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A projection's definition names only its own tables as written without keys in a rebuild's first pass")
class ProjectionDefinitionTest {

    @Test
    @DisplayName("a table of another projection is refused")
    void refusesAnotherTable() {
        assertThatThrownBy(() -> new ProjectionDefinition("statistics", List.of("stat_counter"), jdbc -> new Object(),
                Map.of("case_view", List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statistics");
    }

    @Test
    @DisplayName("its own tables are allowed, and a definition without any keeps every key")
    void allowsItsOwn() {
        assertThat(new ProjectionDefinition("statistics", List.of("stat_counter", "stat_applied"), jdbc -> new Object(),
                Map.of("stat_counter", List.of("count"))).unkeyedWhileReplayed())
                .containsEntry("stat_counter", List.of("count"));
        assertThat(new ProjectionDefinition("complaints", List.of("complaint_view"), jdbc -> new Object())
                .unkeyedWhileReplayed()).isEmpty();
    }

    @Test
    @DisplayName("read by aggregate in a first pass: the types named, none by default, at least one when asked for")
    void byAggregate() {
        assertThat(new ProjectionDefinition("statistics", List.of("stat_counter"), jdbc -> new Object(),
                Map.of("stat_counter", List.of("count"))).replayedByAggregate("InspectionCase", "Complaint")
                .replayedByAggregate()).containsExactly("InspectionCase", "Complaint");
        assertThat(new ProjectionDefinition("complaints", List.of("complaint_view"), jdbc -> new Object())
                .replayedByAggregate()).isEmpty();
        assertThatThrownBy(() -> new ProjectionDefinition("case-detail", List.of("case_view"), jdbc -> new Object())
                .replayedByAggregate(new String[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("case-detail");
    }

    @Test
    @DisplayName("columns compared otherwise: only of its own tables, kept through the other settings, none by default")
    void comparedAs() {
        ProjectionDefinition caseDetail = new ProjectionDefinition("case-detail", List.of("case_view"), jdbc -> new Object())
                .comparing("case_view", Map.of("search_words", "ts_delete(search_words, array['@'])"))
                .replayedByAggregate("InspectionCase");
        assertThat(caseDetail.comparedAs())
                .containsEntry("case_view", Map.of("search_words", "ts_delete(search_words, array['@'])"));
        assertThat(caseDetail.replayedByAggregate()).containsExactly("InspectionCase");
        assertThat(new ProjectionDefinition("complaints", List.of("complaint_view"), jdbc -> new Object()).comparedAs())
                .isEmpty();
        assertThatThrownBy(() -> new ProjectionDefinition("complaints", List.of("complaint_view"), jdbc -> new Object())
                .comparing("case_view", Map.of("search_words", "search_words")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("complaints");
    }
}
