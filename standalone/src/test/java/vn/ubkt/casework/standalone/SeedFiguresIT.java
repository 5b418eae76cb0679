package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import vn.ubkt.casework.standalone.CaseDriver.Discipline;

/**
 * The figures two seed articles report, entered case by case through the public API and read back as statistics
 * and as a report: seed 000 (Huyện ủy Sơn Dương, 2019) and seed 001 (Đảng ủy Khối cơ quan và doanh nghiệp tỉnh,
 * discipline decided by five kinds of body, counted by the subject's organization).
 */
@DisplayName("The seeds' figures, reproduced from cases entered through the API")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedFiguresIT {

    private static final String[] FAMILIES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Ma", "Hà", "Nông", "Đỗ", "Triệu"};
    private static final String[] MIDDLES = {"Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dung", "Giang", "Hải", "Hạnh", "Hùng", "Khánh",
            "Lâm", "Linh", "Long", "Mai", "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Thủy", "Tuấn", "Yến", "Hòa"};

    private RunningApp app;
    private CaseDriver driver;
    private int people;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        driver = new CaseDriver(new CaseworkScenario(app));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    /** A distinct Vietnamese name and party card number for each member the seeds count. */
    private String[] nextPerson() {
        int n = people++;
        String name = FAMILIES[n % FAMILIES.length] + " " + MIDDLES[(n / 3) % MIDDLES.length] + " " + GIVEN[n % GIVEN.length];
        return new String[] {String.valueOf(57030000 + n), name};
    }

    private String ordinary(String organizationId) {
        String[] person = nextPerson();
        return CaseDriver.member(person[0], person[1], organizationId);
    }

    private static LocalDate weekly(LocalDate first, int i) {
        return first.plusDays(7L * i);
    }

    private static LocalDate fortnightly(LocalDate first, int i) {
        return first.plusDays(14L * i);
    }

    @Test
    @DisplayName("seed 000: in 2019 the bodies of Huyện ủy Sơn Dương disciplined 40 members (khiển trách 32, cảnh cáo 6, cách chức 2)")
    void seed000SonDuong2019() {
        driver.committee("S0-TU", "Tỉnh ủy Tuyên Quang", "PARTY_COMMITTEE", "PROVINCIAL", null, 53, null);
        driver.committee("S0-HU", "Huyện ủy Sơn Dương", "PARTY_COMMITTEE", "DISTRICT", "S0-TU", 37, null);
        driver.committee("S0-BTV-HU", "Ban Thường vụ Huyện ủy Sơn Dương", "STANDING_COMMITTEE", "DISTRICT", "S0-HU", 11, null);
        driver.committee("S0-UBKT-HU", "Ủy ban Kiểm tra Huyện ủy Sơn Dương", "INSPECTION_COMMISSION", "DISTRICT", "S0-HU", 9, null);
        driver.committee("S0-DU-SON-NAM", "Đảng ủy xã Sơn Nam", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "S0-HU", 15, null);
        driver.committee("S0-DU-HOP-THANH", "Đảng ủy xã Hợp Thành", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "S0-HU", 13, null);
        driver.committee("S0-CB-KHUON-PHAY", "Chi bộ thôn Khuôn Phày", "CELL", "CELL", "S0-DU-SON-NAM", 27, null);
        driver.committee("S0-CB-CAU-KHOAI", "Chi bộ thôn Cầu Khoai", "CELL", "CELL", "S0-DU-SON-NAM", 21, null);
        driver.committee("S0-CB-THANH-PHU", "Chi bộ thôn Thanh Phú", "CELL", "CELL", "S0-DU-HOP-THANH", 19, null);

        List<Discipline> disciplines = new ArrayList<>();
        LocalDate first = LocalDate.parse("2019-02-20");
        // 20 reprimands by the cells of their own members, for the population policy
        String[] cells = {"S0-CB-KHUON-PHAY", "S0-CB-CAU-KHOAI", "S0-CB-THANH-PHU"};
        int[] votersOfCell = {27, 21, 19};
        int[] reprimandsByCell = {7, 7, 6};
        for (int c = 0; c < cells.length; c++) {
            for (int i = 0; i < reprimandsByCell[c]; i++) {
                disciplines.add(Discipline.by(cells[c], votersOfCell[c], ordinary(cells[c]), "REPRIMAND",
                        weekly(first, disciplines.size()), "POPULATION_POLICY"));
            }
        }
        // 12 reprimands by the commune committees of members of their cells, for lax leadership
        for (int i = 0; i < 6; i++) {
            disciplines.add(Discipline.by("S0-DU-SON-NAM", 15, ordinary(i % 2 == 0 ? "S0-CB-KHUON-PHAY" : "S0-CB-CAU-KHOAI"),
                    "REPRIMAND", weekly(first, disciplines.size()), "LAX_LEADERSHIP"));
            disciplines.add(Discipline.by("S0-DU-HOP-THANH", 13, ordinary("S0-CB-THANH-PHU"), "REPRIMAND",
                    weekly(first, disciplines.size()), "LAX_LEADERSHIP"));
        }
        // 6 warnings by the district inspection commission
        for (int i = 0; i < 6; i++) {
            disciplines.add(Discipline.by("S0-UBKT-HU", 9, ordinary(cells[i % 3]), "WARNING",
                    weekly(first, disciplines.size()), "LAX_LEADERSHIP", "LAND_AND_RESOURCES"));
        }
        // 2 dismissals by the district standing committee, of commune committee members who hold a post
        for (String commune : List.of("S0-DU-SON-NAM", "S0-DU-HOP-THANH")) {
            String[] person = nextPerson();
            String cell = commune.equals("S0-DU-SON-NAM") ? "S0-CB-CAU-KHOAI" : "S0-CB-THANH-PHU";
            disciplines.add(Discipline.by("S0-BTV-HU", 11,
                    CaseDriver.cadre(person[0], person[1], cell, List.of(commune), null, "Phó Chủ tịch UBND xã"),
                    "DISMISSAL", weekly(first, disciplines.size()), "LAND_AND_RESOURCES", "LAX_LEADERSHIP"));
        }
        assertThat(disciplines).hasSize(40);
        assertThat(disciplines.get(39).decidedOn()).isBefore(LocalDate.parse("2019-12-31"));
        assertThat(disciplines.get(0).openedOn().minusDays(7)).isAfter(LocalDate.parse("2019-01-01"));
        driver.disciplineAll(disciplines);
        driver.awaitProjections();

        JsonNode year = driver.statistics("S0-HU", "2019-01-01", "2019-12-31", "SUBTREE", "ACTOR");
        assertThat(year.get("committeeId").asString()).isEqualTo("S0-HU");
        assertThat(year.get("from").asString()).isEqualTo("2019-01-01");
        assertThat(year.get("scope").asString()).isEqualTo("SUBTREE");
        assertThat(year.get("perspective").asString()).isEqualTo("ACTOR");
        assertThat(CaseDriver.members(year)).containsExactly(entry("REPRIMAND", 32), entry("WARNING", 6),
                entry("DISMISSAL", 2), entry("EXPULSION", 0), entry("total", 40));
        assertThat(CaseDriver.organizations(year)).containsExactly(entry("REPRIMAND", 0), entry("WARNING", 0),
                entry("DISSOLUTION", 0), entry("total", 0));
        assertThat(year.at("/inspected/members").asInt()).isEqualTo(40);
        assertThat(year.at("/inspected/organizations").asInt()).isZero();
        assertThat(year.at("/inspected/byType/INSPECTION_SIGNS_OF_VIOLATION/members").asInt()).isEqualTo(40);
        assertThat(year.at("/concluded/VIOLATION/members").asInt()).isEqualTo(40);
        assertThat(year.at("/concluded/disciplineWarranted/members").asInt()).isEqualTo(40);
        assertThat(year.at("/disciplined/notImposed/members").asInt()).isZero();
        Map<String, Integer> categories = CaseDriver.counts(year.get("violationCategories"));
        assertThat(categories).hasSize(15).containsEntry("POPULATION_POLICY", 20).containsEntry("LAX_LEADERSHIP", 20)
                .containsEntry("LAND_AND_RESOURCES", 8);
        assertThat(categories.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(48);

        Map<String, JsonNode> byDecider = CaseDriver.byDecider(year);
        assertThat(byDecider).containsOnlyKeys("S0-CB-KHUON-PHAY", "S0-CB-CAU-KHOAI", "S0-CB-THANH-PHU",
                "S0-DU-SON-NAM", "S0-DU-HOP-THANH", "S0-UBKT-HU", "S0-BTV-HU");
        assertThat(CaseDriver.counts(byDecider.get("S0-CB-KHUON-PHAY").get("members"))).containsEntry("REPRIMAND", 7).containsEntry("total", 7);
        assertThat(CaseDriver.counts(byDecider.get("S0-CB-THANH-PHU").get("members"))).containsEntry("REPRIMAND", 6).containsEntry("total", 6);
        assertThat(CaseDriver.counts(byDecider.get("S0-DU-SON-NAM").get("members"))).containsEntry("REPRIMAND", 6).containsEntry("total", 6);
        assertThat(CaseDriver.counts(byDecider.get("S0-UBKT-HU").get("members"))).containsEntry("WARNING", 6).containsEntry("total", 6);
        assertThat(CaseDriver.counts(byDecider.get("S0-BTV-HU").get("members"))).containsEntry("DISMISSAL", 2).containsEntry("total", 2);
        assertThat(byDecider.get("S0-BTV-HU").get("name").asString()).isEqualTo("Ban Thường vụ Huyện ủy Sơn Dương");

        // the subjects all belong to the district's cells: the subject's view of the same year is the same
        assertThat(CaseDriver.members(driver.statistics("S0-HU", "2019-01-01", "2019-12-31", "SUBTREE", "SUBJECT")))
                .containsEntry("total", 40).containsEntry("REPRIMAND", 32);
        // the district committee itself decided nothing; the years around 2019 hold nothing
        assertThat(CaseDriver.members(driver.statistics("S0-HU", "2019-01-01", "2019-12-31", "OWN", "ACTOR")))
                .containsEntry("total", 0);
        assertThat(CaseDriver.members(driver.statistics("S0-HU", "2018-01-01", "2018-12-31", "SUBTREE", "ACTOR")))
                .containsEntry("total", 0);
        assertThat(CaseDriver.members(driver.statistics("S0-HU", "2020-01-01", "2020-12-31", "SUBTREE", "ACTOR")))
                .containsEntry("total", 0);
        // the province above counts the same 40
        assertThat(CaseDriver.members(driver.statistics("S0-TU", "2019-01-01", "2019-12-31", "SUBTREE", "ACTOR")))
                .containsEntry("total", 40).containsEntry("DISMISSAL", 2);

        Http.Response vietnamese = driver.http.get("/api/committees/S0-HU/report?from=2019-01-01&to=2019-12-31");
        assertThat(vietnamese.status()).as(vietnamese.toString()).isEqualTo(200);
        assertThat(vietnamese.header("Content-Type")).startsWith("text/plain");
        assertThat(vietnamese.body()).contains("Năm 2019, Huyện ủy Sơn Dương và các tổ chức đảng trực thuộc đã kiểm tra 40 đảng viên")
                .contains("Thi hành kỷ luật 40 đảng viên (khiển trách 32, cảnh cáo 6, cách chức 2).")
                .contains("Ban Thường vụ Huyện ủy Sơn Dương thi hành kỷ luật 2 đảng viên (cách chức 2)")
                .contains("chính sách dân số - kế hoạch hóa gia đình (20)")
                .contains("thiếu trách nhiệm, buông lỏng lãnh đạo, quản lý (20)")
                .contains("quản lý đất đai, tài nguyên, khoáng sản (8)");
        Http.Response english = driver.http.get("/api/committees/S0-HU/report?from=2019-01-01&to=2019-12-31&lang=en");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("In 2019")
                .contains("Discipline was imposed on 40 party members (reprimand 32, warning 6, dismissal 2).");
    }

    @Test
    @DisplayName("seed 001: 1 organization and 40 members of Đảng bộ Khối disciplined by five kinds of body, by subject and by actor")
    void seed001DangUyKhoi() {
        driver.committee("S1-TU", "Tỉnh ủy Quảng Trị", "PARTY_COMMITTEE", "PROVINCIAL", null, 50, null);
        driver.committee("S1-BTV-TU", "Ban Thường vụ Tỉnh ủy Quảng Trị", "STANDING_COMMITTEE", "PROVINCIAL", "S1-TU", 15, null);
        driver.committee("S1-UBKT-TU", "Ủy ban Kiểm tra Tỉnh ủy Quảng Trị", "INSPECTION_COMMISSION", "PROVINCIAL", "S1-TU", 11, null);
        driver.committee("S1-DUK", "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh", "PARTY_COMMITTEE", "DISTRICT", "S1-TU", 33, null);
        driver.committee("S1-BTV-DUK", "Ban Thường vụ Đảng ủy Khối cơ quan và doanh nghiệp tỉnh", "STANDING_COMMITTEE", "DISTRICT", "S1-DUK", 9, null);
        driver.committee("S1-UBKT-DUK", "Ủy ban Kiểm tra Đảng ủy Khối cơ quan và doanh nghiệp tỉnh", "INSPECTION_COMMISSION", "DISTRICT", "S1-DUK", 7, null);
        driver.committee("S1-DU-DIEN-LUC", "Đảng ủy Công ty Điện lực tỉnh", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "S1-DUK", 13, null);
        driver.committee("S1-DU-SO-Y-TE", "Đảng ủy Sở Y tế", "GRASSROOTS_COMMITTEE", "GRASSROOTS", "S1-DUK", 11, null);
        driver.committee("S1-CB-KINH-DOANH", "Chi bộ Phòng Kinh doanh", "CELL", "CELL", "S1-DU-DIEN-LUC", 17, null);
        driver.committee("S1-CB-VAN-PHONG-SYT", "Chi bộ Văn phòng Sở Y tế", "CELL", "CELL", "S1-DU-SO-Y-TE", 14, null);
        driver.committee("S1-CBCS-BAO-TINH", "Chi bộ Báo tỉnh", "CELL", "GRASSROOTS", "S1-DUK", 25, null);
        driver.committee("S1-CBCS-NGAN-HANG", "Chi bộ Ngân hàng Nhà nước chi nhánh tỉnh", "CELL", "GRASSROOTS", "S1-DUK", 19, null);

        List<Discipline> disciplines = new ArrayList<>();
        LocalDate first = LocalDate.parse("2022-03-01");
        String[] cells = {"S1-CB-KINH-DOANH", "S1-CB-VAN-PHONG-SYT", "S1-CBCS-BAO-TINH", "S1-CBCS-NGAN-HANG"};
        // Ban Thường vụ Tỉnh ủy: 1 member dismissed, a member of the Khối's committee
        String[] dismissed = nextPerson();
        disciplines.add(Discipline.by("S1-BTV-TU", 15, CaseDriver.cadre(dismissed[0], dismissed[1], "S1-CB-KINH-DOANH",
                List.of("S1-DUK", "S1-DU-DIEN-LUC"), null, "Giám đốc Công ty Điện lực tỉnh"), "DISMISSAL",
                fortnightly(first, 0), "CORRUPTION_AND_NEGATIVITY"));
        // Ủy ban Kiểm tra Tỉnh ủy: 16 members (11 cảnh cáo, 4 khiển trách, 1 khai trừ)
        for (int i = 0; i < 16; i++) {
            String form = i < 11 ? "WARNING" : i < 15 ? "REPRIMAND" : "EXPULSION";
            disciplines.add(Discipline.by("S1-UBKT-TU", 11, ordinary(cells[i % 4]), form, fortnightly(first, disciplines.size()),
                    "FINANCE_AND_ASSETS"));
        }
        // Ban Thường vụ Đảng ủy Khối: 1 khai trừ; Ủy ban Kiểm tra Đảng ủy Khối: 7 members (3 khai trừ, 4 cảnh cáo)
        disciplines.add(Discipline.by("S1-BTV-DUK", 9, ordinary("S1-CBCS-NGAN-HANG"), "EXPULSION",
                fortnightly(first, disciplines.size()), "FORBIDDEN_CONDUCT"));
        for (int i = 0; i < 7; i++) {
            disciplines.add(Discipline.by("S1-UBKT-DUK", 7, ordinary(cells[i % 4]), i < 3 ? "EXPULSION" : "WARNING",
                    fortnightly(first, disciplines.size()), "ETHICS_AND_LIFESTYLE"));
        }
        // grassroots committees and cells: 15 members (12 khiển trách, 3 cảnh cáo)
        record Grassroots(String body, int voters, String cell, int reprimands, int warnings) {
        }
        for (Grassroots g : List.of(new Grassroots("S1-DU-DIEN-LUC", 13, "S1-CB-KINH-DOANH", 4, 2),
                new Grassroots("S1-DU-SO-Y-TE", 11, "S1-CB-VAN-PHONG-SYT", 3, 1),
                new Grassroots("S1-CB-KINH-DOANH", 17, "S1-CB-KINH-DOANH", 2, 0),
                new Grassroots("S1-CBCS-BAO-TINH", 25, "S1-CBCS-BAO-TINH", 3, 0))) {
            for (int i = 0; i < g.reprimands() + g.warnings(); i++) {
                disciplines.add(Discipline.by(g.body(), g.voters(), ordinary(g.cell()), i < g.reprimands() ? "REPRIMAND" : "WARNING",
                        fortnightly(first, disciplines.size()), "ETHICS_AND_LIFESTYLE"));
            }
        }
        // Ủy ban Kiểm tra Tỉnh ủy: 1 organization warned, a grassroots committee directly under the Khối
        disciplines.add(Discipline.by("S1-UBKT-TU", 11, CaseDriver.organization("S1-DU-SO-Y-TE"), "WARNING",
                fortnightly(first, disciplines.size()), "LAX_LEADERSHIP"));
        assertThat(disciplines).hasSize(41);
        assertThat(disciplines.get(40).decidedOn()).isBefore(LocalDate.parse("2023-12-31"));
        driver.disciplineAll(disciplines);
        driver.awaitProjections();

        String from = "2022-01-01";
        String to = "2023-12-31";
        // whoever decided: the Khối's own organization and members
        JsonNode bySubject = driver.statistics("S1-DUK", from, to, "SUBTREE", "SUBJECT");
        assertThat(CaseDriver.organizations(bySubject)).containsExactly(entry("REPRIMAND", 0), entry("WARNING", 1),
                entry("DISSOLUTION", 0), entry("total", 1));
        assertThat(CaseDriver.members(bySubject)).containsExactly(entry("REPRIMAND", 16), entry("WARNING", 18),
                entry("DISMISSAL", 1), entry("EXPULSION", 5), entry("total", 40));
        Map<String, JsonNode> deciders = CaseDriver.byDecider(bySubject);
        assertThat(deciders).containsOnlyKeys("S1-BTV-TU", "S1-UBKT-TU", "S1-BTV-DUK", "S1-UBKT-DUK", "S1-DU-DIEN-LUC",
                "S1-DU-SO-Y-TE", "S1-CB-KINH-DOANH", "S1-CBCS-BAO-TINH");
        assertThat(CaseDriver.counts(deciders.get("S1-BTV-TU").get("members"))).containsExactly(entry("REPRIMAND", 0),
                entry("WARNING", 0), entry("DISMISSAL", 1), entry("EXPULSION", 0), entry("total", 1));
        assertThat(CaseDriver.counts(deciders.get("S1-BTV-TU").get("organizations"))).containsEntry("total", 0);
        assertThat(CaseDriver.counts(deciders.get("S1-UBKT-TU").get("organizations"))).containsExactly(entry("REPRIMAND", 0),
                entry("WARNING", 1), entry("DISSOLUTION", 0), entry("total", 1));
        assertThat(CaseDriver.counts(deciders.get("S1-UBKT-TU").get("members"))).containsExactly(entry("REPRIMAND", 4),
                entry("WARNING", 11), entry("DISMISSAL", 0), entry("EXPULSION", 1), entry("total", 16));
        assertThat(CaseDriver.counts(deciders.get("S1-BTV-DUK").get("members"))).containsEntry("EXPULSION", 1).containsEntry("total", 1);
        assertThat(CaseDriver.counts(deciders.get("S1-UBKT-DUK").get("members"))).containsExactly(entry("REPRIMAND", 0),
                entry("WARNING", 4), entry("DISMISSAL", 0), entry("EXPULSION", 3), entry("total", 7));
        int grassrootsReprimands = 0;
        int grassrootsWarnings = 0;
        int grassrootsTotal = 0;
        for (String body : List.of("S1-DU-DIEN-LUC", "S1-DU-SO-Y-TE", "S1-CB-KINH-DOANH", "S1-CBCS-BAO-TINH")) {
            Map<String, Integer> members = CaseDriver.counts(deciders.get(body).get("members"));
            grassrootsReprimands += members.get("REPRIMAND");
            grassrootsWarnings += members.get("WARNING");
            grassrootsTotal += members.get("total");
            assertThat(members).containsEntry("DISMISSAL", 0).containsEntry("EXPULSION", 0);
        }
        assertThat(grassrootsReprimands).isEqualTo(12);
        assertThat(grassrootsWarnings).isEqualTo(3);
        assertThat(grassrootsTotal).isEqualTo(15);
        assertThat(CaseDriver.counts(deciders.get("S1-DU-DIEN-LUC").get("members"))).containsEntry("REPRIMAND", 4)
                .containsEntry("WARNING", 2);

        // by the acting body inside the Khối: what the provincial bodies decided is not the Khối's own work
        JsonNode byActor = driver.statistics("S1-DUK", from, to, "SUBTREE", "ACTOR");
        assertThat(CaseDriver.members(byActor)).containsExactly(entry("REPRIMAND", 12), entry("WARNING", 7),
                entry("DISMISSAL", 0), entry("EXPULSION", 4), entry("total", 23));
        assertThat(CaseDriver.organizations(byActor)).containsEntry("total", 0);
        assertThat(CaseDriver.byDecider(byActor)).containsOnlyKeys("S1-BTV-DUK", "S1-UBKT-DUK", "S1-DU-DIEN-LUC",
                "S1-DU-SO-Y-TE", "S1-CB-KINH-DOANH", "S1-CBCS-BAO-TINH");

        // the province: its OWN scope is the provincial committee's node alone (its standing committee and its
        // inspection commission are nodes of their own), so the provincial bodies' decisions are in their subtrees
        assertThat(CaseDriver.members(driver.statistics("S1-TU", from, to, "OWN", "ACTOR"))).containsEntry("total", 0);
        assertThat(CaseDriver.organizations(driver.statistics("S1-TU", from, to, "OWN", "ACTOR"))).containsEntry("total", 0);
        JsonNode standing = driver.statistics("S1-BTV-TU", from, to, "SUBTREE", "ACTOR");
        assertThat(CaseDriver.members(standing)).containsEntry("DISMISSAL", 1).containsEntry("total", 1);
        assertThat(CaseDriver.organizations(standing)).containsEntry("total", 0);
        JsonNode commission = driver.statistics("S1-UBKT-TU", from, to, "OWN", "ACTOR");
        assertThat(CaseDriver.members(commission)).containsExactly(entry("REPRIMAND", 4), entry("WARNING", 11),
                entry("DISMISSAL", 0), entry("EXPULSION", 1), entry("total", 16));
        assertThat(CaseDriver.organizations(commission)).containsEntry("WARNING", 1).containsEntry("total", 1);
        JsonNode province = driver.statistics("S1-TU", from, to, "SUBTREE", "ACTOR");
        assertThat(CaseDriver.members(province)).containsEntry("total", 40);
        assertThat(CaseDriver.organizations(province)).containsEntry("total", 1);
        // provincial bodies' part = the province's whole minus the Khối's own work
        assertThat(CaseDriver.members(standing).get("total") + CaseDriver.members(commission).get("total")
                + CaseDriver.members(byActor).get("total")).isEqualTo(CaseDriver.members(province).get("total"));
        // the two periods split the whole without loss or double counting
        int y2022 = CaseDriver.members(driver.statistics("S1-DUK", "2022-01-01", "2022-12-31", "SUBTREE", "SUBJECT")).get("total");
        int y2023 = CaseDriver.members(driver.statistics("S1-DUK", "2023-01-01", "2023-12-31", "SUBTREE", "SUBJECT")).get("total");
        assertThat(y2022).isPositive();
        assertThat(y2023).isPositive();
        assertThat(y2022 + y2023).isEqualTo(40);

        Http.Response report = driver.http.get("/api/committees/S1-DUK/report?from=" + from + "&to=" + to
                + "&scope=SUBTREE&perspective=SUBJECT");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.body()).startsWith("BÁO CÁO CÔNG TÁC KIỂM TRA, GIÁM SÁT VÀ THI HÀNH KỶ LUẬT ĐẢNG")
                .containsIgnoringCase("Từ ngày 01/01/2022 đến ngày 31/12/2023, đối với tổ chức đảng và đảng viên thuộc "
                        + "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh và các tổ chức đảng trực thuộc, các cấp đã kiểm tra 1 tổ chức đảng và 40 đảng viên")
                .contains("Thi hành kỷ luật 1 tổ chức đảng (cảnh cáo 1) và 40 đảng viên (khiển trách 16, cảnh cáo 18, cách chức 1, khai trừ 5).")
                .contains("Ban Thường vụ Tỉnh ủy Quảng Trị thi hành kỷ luật 1 đảng viên (cách chức 1)")
                .contains("Ủy ban Kiểm tra Tỉnh ủy Quảng Trị thi hành kỷ luật 1 tổ chức đảng (cảnh cáo 1), 16 đảng viên (khiển trách 4, cảnh cáo 11, khai trừ 1)")
                .contains("Ban Thường vụ Đảng ủy Khối cơ quan và doanh nghiệp tỉnh thi hành kỷ luật 1 đảng viên (khai trừ 1)")
                .contains("Ủy ban Kiểm tra Đảng ủy Khối cơ quan và doanh nghiệp tỉnh thi hành kỷ luật 7 đảng viên (cảnh cáo 4, khai trừ 3)");
    }
}
