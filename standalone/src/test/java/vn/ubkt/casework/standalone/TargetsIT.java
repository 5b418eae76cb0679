package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("Yearly targets: cells that inspected and supervised, and the violation rate")
class TargetsIT {

    @Test
    @DisplayName("a cell that did an inspection and a thematic supervision meets the target; one that only inspected does not")
    void cellsMeeting() {
        try (RunningApp app = RunningApp.start()) {
            CaseworkScenario scenario = new CaseworkScenario(app);
            CaseDriver driver = new CaseDriver(scenario);
            driver.committee("TG-TU", "Tỉnh ủy Mục tiêu", "PARTY_COMMITTEE", "PROVINCIAL", RunningApp.CENTRAL, 40, null);
            driver.committee("TG-XA", "Đảng ủy xã Mục tiêu", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "TG-TU", 15, null);
            driver.committee("TG-CB-A", "Chi bộ thôn A", "CELL", "CELL", "TG-XA", 20, null);
            driver.committee("TG-CB-B", "Chi bộ thôn B", "CELL", "CELL", "TG-XA", 18, null);
            LocalDate day = LocalDate.parse("2026-03-02");
            driver.open("INSPECTION_TASK_PERFORMANCE", "TG-CB-A", CaseDriver.member("TG-1", "Lý Văn Một", "TG-CB-A"),
                    "Kiểm tra việc thực hiện nhiệm vụ đảng viên", day);
            driver.open("SUPERVISION_THEMATIC", "TG-CB-A", CaseDriver.member("TG-2", "Lý Văn Hai", "TG-CB-A"),
                    "Giám sát chuyên đề", day.plusDays(7));
            driver.open("INSPECTION_TASK_PERFORMANCE", "TG-CB-B", CaseDriver.member("TG-3", "Lý Văn Ba", "TG-CB-B"),
                    "Kiểm tra việc thực hiện nhiệm vụ đảng viên", day);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                JsonNode targets = app.http.get("/api/committees/TG-XA/targets?year=2026").json();
                assertThat(targets.get("cells").asInt()).isEqualTo(2);
                assertThat(targets.get("cellsMeeting").asInt()).isEqualTo(1);
                assertThat(targets.get("cellsMeetingShare").asDouble()).isEqualTo(0.5);
                assertThat(targets.get("cellsTargetMet").asBoolean()).isFalse();
            });
            // the year before: nothing done
            assertThat(app.http.get("/api/committees/TG-XA/targets?year=2025").json().get("cellsMeeting").asInt()).isZero();
        }
    }
}
