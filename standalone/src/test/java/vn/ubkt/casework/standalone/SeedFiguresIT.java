package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The figures two seed articles report, entered case by case through the public API and read back as statistics
 * and as a report: seed 000 (Huyện ủy Sơn Dương, 2019) and seed 001 (Đảng ủy Khối cơ quan và doanh nghiệp tỉnh,
 * discipline decided by five kinds of body, counted by the subject's organization).
 */
@DisplayName("The seeds' figures, reproduced from cases entered through the API")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedFiguresIT {

    private RunningApp app;
    private CaseDriver driver;
    private SeedCases seeds;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        driver = new CaseDriver(new CaseworkScenario(app));
        seeds = new SeedCases(driver);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    @DisplayName("seed 000: in 2019 the bodies of Huyện ủy Sơn Dương disciplined 40 members (khiển trách 32, cảnh cáo 6, cách chức 2)")
    void seed000SonDuong2019() {
        seeds.sonDuong2019();

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
        seeds.dangUyKhoi();

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
