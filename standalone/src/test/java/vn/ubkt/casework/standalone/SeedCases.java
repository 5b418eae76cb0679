package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.ubkt.casework.standalone.CaseDriver.Discipline;

/**
 * The cases behind two seed articles' figures, entered through the public API: seed 000 (Huyện ủy Sơn Dương, 2019:
 * 40 members disciplined — 32 reprimands, 6 warnings, 2 dismissals) and seed 001 (Đảng ủy Khối cơ quan và doanh
 * nghiệp tỉnh, 2022–2023: 1 organization and 40 members disciplined by five kinds of body). Shared by the tests that
 * read them back as statistics, reports and statistical forms.
 */
final class SeedCases {

    private static final String[] FAMILIES = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Ma", "Hà", "Nông", "Đỗ", "Triệu"};
    private static final String[] MIDDLES = {"Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dung", "Giang", "Hải", "Hạnh", "Hùng", "Khánh",
            "Lâm", "Linh", "Long", "Mai", "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Thủy", "Tuấn", "Yến", "Hòa"};

    private final CaseDriver driver;
    private int people;

    SeedCases(CaseDriver driver) {
        this.driver = driver;
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

    /** Seed 000's tree and its 40 disciplines; answers the disciplines and their case ids, in the same order. */
    Entered sonDuong2019() {
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
        List<String> ids = driver.disciplineAll(disciplines);
        driver.awaitProjections();
        return new Entered(disciplines, ids);

    }

    /** Seed 001's tree and its 41 disciplines (the last of an organization); answers them and their case ids. */
    Entered dangUyKhoi() {
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
        List<String> ids = driver.disciplineAll(disciplines);
        driver.awaitProjections();
        return new Entered(disciplines, ids);

    }

    record Entered(List<Discipline> disciplines, List<String> caseIds) {
    }
}
