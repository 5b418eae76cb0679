package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import vn.ubkt.casework.standalone.CaseDriver.Discipline;

/**
 * Statistics across the reform of 1 July 2025 (DOMAIN.md "The tree changes over time"): provinces A (Hà Giang)
 * and B (Tuyên Quang) merged into a new province AB; district D (Vị Xuyên) under A ended without a successor,
 * its communes moved under AB first. Each node acts in a metric of its own, so every figure says exactly which
 * steps it holds.
 */
@DisplayName("Statistics follow the tree through the 2025 reform: successors, moves, and nothing counted twice")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TreeThroughTimeStatisticsIT {

    private static final String YEAR_FROM = "2025-01-01";
    private static final String YEAR_TO = "2025-12-31";
    private static final String H1_TO = "2025-06-30";
    private static final String H2_FROM = "2025-07-01";

    /** The figures these steps can move, in one comparable value. */
    record Figures(int inspectedOrganizations, int inspectedMembers, int supervisedOrganizations,
                   int supervisedMembers, int reprimands, int warnings) {

        static Figures of(JsonNode s) {
            return new Figures(s.at("/inspected/organizations").asInt(), s.at("/inspected/members").asInt(),
                    s.at("/supervised/organizations").asInt(), s.at("/supervised/members").asInt(),
                    s.at("/disciplined/members/REPRIMAND").asInt(), s.at("/disciplined/members/WARNING").asInt());
        }

        Figures plus(Figures o) {
            return new Figures(inspectedOrganizations + o.inspectedOrganizations, inspectedMembers + o.inspectedMembers,
                    supervisedOrganizations + o.supervisedOrganizations, supervisedMembers + o.supervisedMembers,
                    reprimands + o.reprimands, warnings + o.warnings);
        }
    }

    private static final Figures NOTHING = new Figures(0, 0, 0, 0, 0, 0);

    private RunningApp app;
    private CaseDriver driver;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        driver = new CaseDriver(new CaseworkScenario(app));
        buildHistory();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private void buildHistory() {
        driver.committee("TA", "Tỉnh ủy Hà Giang", "PARTY_COMMITTEE", "PROVINCIAL", null, 50, null);
        driver.committee("TB", "Tỉnh ủy Tuyên Quang (trước hợp nhất)", "PARTY_COMMITTEE", "PROVINCIAL", null, 53, null);
        driver.committee("TAB", "Tỉnh ủy Tuyên Quang", "PARTY_COMMITTEE", "PROVINCIAL", null, 70, "2025-07-01");
        driver.committee("HD", "Huyện ủy Vị Xuyên", "PARTY_COMMITTEE", "DISTRICT", "TA", 35, null);
        driver.committee("X1", "Đảng ủy xã Việt Lâm", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "HD", 15, null);
        driver.committee("X2", "Đảng ủy xã Đạo Đức", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "HD", 13, null);
        driver.committee("CB1", "Chi bộ thôn Làng Khẻ", "CELL", "CELL", "X1", 21, null);
        driver.committee("CB2", "Chi bộ thôn Nà Sài", "CELL", "CELL", "X2", 18, null);
        driver.committee("XB", "Đảng ủy xã Kim Phú", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "TB", 15, null);
        driver.committee("CBB", "Chi bộ thôn Đồng Bầu", "CELL", "CELL", "XB", 20, null);

        // first half of 2025: the old tree
        driver.open("INSPECTION_TASK_PERFORMANCE", "X1", CaseDriver.member("25010001", "Hoàng Văn Páo", "CB1"),
                "Kiểm tra việc thực hiện nhiệm vụ đảng viên", LocalDate.parse("2025-03-10"));
        driver.discipline(new Discipline("INSPECTION_SIGNS_OF_VIOLATION", "X1",
                CaseDriver.member("25010002", "Lù Thị Mai", "CB1"), "Kiểm tra khi có dấu hiệu vi phạm",
                LocalDate.parse("2025-04-01"), "X1", 15, "REPRIMAND", LocalDate.parse("2025-05-20"), List.of("POPULATION_POLICY")));
        driver.open("INSPECTION_TASK_PERFORMANCE", "X2", CaseDriver.member("25010003", "Nông Văn Dìn", "CB2"),
                "Kiểm tra việc thực hiện nhiệm vụ đảng viên", LocalDate.parse("2025-04-10"));
        driver.open("INSPECTION_TASK_PERFORMANCE", "X2", CaseDriver.member("25010004", "Vàng Thị Sính", "CB2"),
                "Kiểm tra việc thực hiện nhiệm vụ đảng viên", LocalDate.parse("2025-06-30"));
        driver.open("INSPECTION_TASK_PERFORMANCE", "HD", CaseDriver.organization("X2"),
                "Kiểm tra việc thực hiện quy chế làm việc", LocalDate.parse("2025-05-05"));
        driver.open("SUPERVISION_REGULAR", "TA", CaseDriver.member("25010005", "Hà Văn Thào", "CB1"),
                "Giám sát thường xuyên", LocalDate.parse("2025-02-10"));
        driver.discipline(new Discipline("INSPECTION_SIGNS_OF_VIOLATION", "TB",
                CaseDriver.member("25010006", "Triệu Văn Quý", "CBB"), "Kiểm tra khi có dấu hiệu vi phạm",
                LocalDate.parse("2025-02-20"), "TB", 53, "WARNING", LocalDate.parse("2025-06-10"), List.of("LAND_AND_RESOURCES")));
        driver.open("SUPERVISION_THEMATIC", "TB", CaseDriver.organization("XB"),
                "Giám sát chuyên đề công tác quản lý đất đai", LocalDate.parse("2025-03-03"));

        // 1 July 2025: communes under the merged province, the district ends, the provinces merge
        driver.move("X1", "2025-07-01", "TAB");
        driver.move("X2", "2025-07-01", "TAB");
        driver.dissolve("HD", "2025-07-01", null, "Kết thúc hoạt động cấp huyện");
        driver.dissolve("TA", "2025-07-01", "TAB", "Hợp nhất tỉnh");
        driver.dissolve("TB", "2025-07-01", "TAB", "Hợp nhất tỉnh");

        // second half: the new tree
        driver.open("INSPECTION_TASK_PERFORMANCE", "X1", CaseDriver.member("25010007", "Lý Văn Chảo", "CB1"),
                "Kiểm tra việc thực hiện nhiệm vụ đảng viên", LocalDate.parse("2025-07-01"));
        driver.discipline(new Discipline("INSPECTION_SIGNS_OF_VIOLATION", "TAB",
                CaseDriver.member("25010008", "Hoàng Thị Dung", "CB1"), "Kiểm tra khi có dấu hiệu vi phạm",
                LocalDate.parse("2025-08-01"), "TAB", 70, "WARNING", LocalDate.parse("2025-10-15"), List.of("LAND_AND_RESOURCES")));
        driver.open("SUPERVISION_REGULAR", "TAB", CaseDriver.organization("X2"),
                "Giám sát thường xuyên", LocalDate.parse("2025-09-01"));
        driver.open("SUPERVISION_THEMATIC", "X2", CaseDriver.member("25010009", "Nông Thị Hoa", "CB2"),
                "Giám sát chuyên đề", LocalDate.parse("2025-11-03"));
        driver.awaitProjections();
    }

    private Figures figures(String committeeId, String from, String to, String scope, String perspective) {
        return Figures.of(driver.statistics(committeeId, from, to, scope, perspective));
    }

    private Figures actor(String committeeId, String from, String to, String scope) {
        return figures(committeeId, from, to, scope, "ACTOR");
    }

    @Test
    @DisplayName("the merged province's 2025 holds everything: both predecessors' and the ended district's first half, and the second half")
    void mergedProvinceYear() {
        assertThat(actor("TAB", YEAR_FROM, YEAR_TO, "SUBTREE")).isEqualTo(new Figures(1, 7, 2, 2, 1, 2));
        assertThat(figures("TAB", YEAR_FROM, YEAR_TO, "SUBTREE", "SUBJECT")).isEqualTo(new Figures(1, 7, 2, 2, 1, 2));
    }

    @Test
    @DisplayName("the merged province's first half holds both predecessors, though it did not exist yet; its second half the new tree")
    void mergedProvinceHalves() {
        Figures h1 = actor("TAB", YEAR_FROM, H1_TO, "SUBTREE");
        Figures h2 = actor("TAB", H2_FROM, YEAR_TO, "SUBTREE");
        assertThat(h1).isEqualTo(new Figures(1, 5, 1, 1, 1, 1));
        assertThat(h2).isEqualTo(new Figures(0, 2, 1, 1, 0, 1));
        assertThat(h1.plus(h2)).isEqualTo(actor("TAB", YEAR_FROM, YEAR_TO, "SUBTREE"));
        // the first day of the new tree: only the commune's step that day
        assertThat(actor("TAB", H2_FROM, H2_FROM, "SUBTREE")).isEqualTo(new Figures(0, 1, 0, 0, 0, 0));
    }

    @Test
    @DisplayName("the ended district still reads right: only its own subtree's first half, also over the whole year")
    void endedDistrict() {
        Figures h1 = new Figures(1, 4, 0, 0, 1, 0);
        assertThat(actor("HD", YEAR_FROM, H1_TO, "SUBTREE")).isEqualTo(h1);
        assertThat(actor("HD", YEAR_FROM, YEAR_TO, "SUBTREE")).isEqualTo(h1);
        assertThat(actor("HD", H2_FROM, YEAR_TO, "SUBTREE")).isEqualTo(NOTHING);
        assertThat(actor("HD", H1_TO, H1_TO, "SUBTREE")).as("the last day of the old tree")
                .isEqualTo(new Figures(0, 1, 0, 0, 0, 0));
        assertThat(actor("HD", YEAR_FROM, YEAR_TO, "OWN")).isEqualTo(new Figures(1, 0, 0, 0, 0, 0));
        // by subject: the members of its communes until they moved, whoever acted (the province's supervision too)
        assertThat(figures("HD", YEAR_FROM, YEAR_TO, "SUBTREE", "SUBJECT")).isEqualTo(new Figures(1, 4, 0, 1, 1, 0));
    }

    @Test
    @DisplayName("a predecessor's first half: OWN holds only its own step, SUBTREE adds its district; nothing after it ended")
    void predecessors() {
        assertThat(actor("TA", YEAR_FROM, H1_TO, "OWN")).isEqualTo(new Figures(0, 0, 0, 1, 0, 0));
        assertThat(actor("TA", YEAR_FROM, H1_TO, "SUBTREE")).isEqualTo(new Figures(1, 4, 0, 1, 1, 0));
        assertThat(actor("TA", YEAR_FROM, YEAR_TO, "SUBTREE")).isEqualTo(new Figures(1, 4, 0, 1, 1, 0));
        assertThat(actor("TB", YEAR_FROM, YEAR_TO, "SUBTREE")).isEqualTo(new Figures(0, 1, 1, 0, 0, 1));
        assertThat(figures("TB", YEAR_FROM, YEAR_TO, "SUBTREE", "SUBJECT")).isEqualTo(new Figures(0, 1, 1, 0, 0, 1));
    }

    @Test
    @DisplayName("the merged province's OWN 2025 holds its predecessors' own steps, not the communes' nor the district's")
    void mergedProvinceOwn() {
        assertThat(actor("TAB", YEAR_FROM, YEAR_TO, "OWN")).isEqualTo(new Figures(0, 2, 2, 1, 0, 2));
        assertThat(actor("TAB", YEAR_FROM, H1_TO, "OWN")).isEqualTo(new Figures(0, 1, 1, 1, 0, 1));
    }

    @Test
    @DisplayName("a moved commune keeps its own steps on both sides of the move")
    void movedCommune() {
        assertThat(actor("X1", YEAR_FROM, YEAR_TO, "OWN")).isEqualTo(new Figures(0, 3, 0, 0, 1, 0));
        assertThat(actor("X1", H2_FROM, YEAR_TO, "SUBTREE")).isEqualTo(new Figures(0, 1, 0, 0, 0, 0));
        assertThat(figures("X1", YEAR_FROM, YEAR_TO, "SUBTREE", "SUBJECT")).isEqualTo(new Figures(0, 4, 0, 1, 1, 1));
        assertThat(actor("X2", YEAR_FROM, YEAR_TO, "OWN")).isEqualTo(new Figures(0, 2, 0, 1, 0, 0));
    }

    @Test
    @DisplayName("nothing is counted twice: the parts add up to the whole, however the whole is cut")
    void partsMakeTheWhole() {
        Figures whole = actor("TAB", YEAR_FROM, YEAR_TO, "SUBTREE");
        Figures byOwnNodes = actor("TAB", YEAR_FROM, YEAR_TO, "OWN")
                .plus(actor("HD", YEAR_FROM, YEAR_TO, "OWN"))
                .plus(actor("X1", YEAR_FROM, YEAR_TO, "OWN"))
                .plus(actor("X2", YEAR_FROM, YEAR_TO, "OWN"))
                .plus(actor("XB", YEAR_FROM, YEAR_TO, "OWN"))
                .plus(actor("CB1", YEAR_FROM, YEAR_TO, "OWN"));
        assertThat(byOwnNodes).isEqualTo(whole);
        Figures byPredecessors = actor("TA", YEAR_FROM, YEAR_TO, "SUBTREE")
                .plus(actor("TB", YEAR_FROM, YEAR_TO, "SUBTREE"))
                .plus(actor("TAB", H2_FROM, YEAR_TO, "SUBTREE"));
        assertThat(byPredecessors).isEqualTo(whole);
        Figures byQuarters = actor("TAB", "2025-01-01", "2025-03-31", "SUBTREE")
                .plus(actor("TAB", "2025-04-01", "2025-06-30", "SUBTREE"))
                .plus(actor("TAB", "2025-07-01", "2025-09-30", "SUBTREE"))
                .plus(actor("TAB", "2025-10-01", "2025-12-31", "SUBTREE"));
        assertThat(byQuarters).isEqualTo(whole);
        assertThat(actor("TAB", "2024-01-01", "2024-12-31", "SUBTREE")).isEqualTo(NOTHING);
    }
}
