package vn.ubkt.casework.query.reports;

import vn.ubkt.casework.query.committeetree.Scope;
import vn.ubkt.casework.query.statistics.Perspective;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.ubkt.casework.query.statistics.StatisticsView;
import vn.ubkt.casework.query.statistics.StatisticsView.Count;

@DisplayName("The report reads like the seeds")
class ReportWriterTest {

    private static final java.util.Locale VI = java.util.Locale.forLanguageTag("vi");
    private static final java.util.Locale EN = java.util.Locale.ENGLISH;
    private static final ReportWriter WRITER = new ReportWriter(bundles());

    /** The product's own bundles, as the application reads them. */
    private static org.springframework.context.MessageSource bundles() {
        org.springframework.context.support.ResourceBundleMessageSource bundles =
                new org.springframework.context.support.ResourceBundleMessageSource();
        bundles.setBasenames("i18n/ui-messages");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return bundles;
    }

    private static Map<String, Integer> members(int reprimand, int warning, int dismissal, int expulsion) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("REPRIMAND", reprimand);
        counts.put("WARNING", warning);
        counts.put("DISMISSAL", dismissal);
        counts.put("EXPULSION", expulsion);
        counts.put("total", reprimand + warning + dismissal + expulsion);
        return counts;
    }

    private static Map<String, Integer> organizations(int reprimand, int warning, int dissolution) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("REPRIMAND", reprimand);
        counts.put("WARNING", warning);
        counts.put("DISSOLUTION", dissolution);
        counts.put("total", reprimand + warning + dissolution);
        return counts;
    }

    /** Seed 000's year 2019 of Huyện ủy Sơn Dương, as figures. */
    private static StatisticsView sonDuong2019(Count notImposed, Perspective perspective) {
        return sonDuong2019(notImposed, perspective, new StatisticsView.Suspended(0, 0));
    }

    private static StatisticsView sonDuong2019(Count notImposed, Perspective perspective, StatisticsView.Suspended suspended) {
        StatisticsView.Concluded concluded = new StatisticsView.Concluded(new Count(0, 0), new Count(3, 0),
                new Count(0, 40), new Count(0, 0), new Count(0, 40));
        Map<String, Integer> categories = new LinkedHashMap<>();
        categories.put("LAND_AND_RESOURCES", 2);
        categories.put("POPULATION_POLICY", 20);
        categories.put("LAX_LEADERSHIP", 18);
        categories.put("OTHER", 0);
        return new StatisticsView("HU", LocalDate.parse("2019-01-01"), LocalDate.parse("2019-12-31"), Scope.SUBTREE, perspective,
                new StatisticsView.Inspected(200, 0, 0, Map.of()),
                new StatisticsView.Supervised(149, 49, Map.of()),
                concluded,
                new StatisticsView.Disciplined(organizations(0, 0, 0), members(32, 6, 2, 0), notImposed, new Count(0, 0),
                        List.of(new StatisticsView.ByDecidingCommittee("BTV-HU", "Ban Thường vụ Huyện ủy Sơn Dương",
                                organizations(0, 0, 0), members(0, 0, 2, 0)))),
                categories,
                new StatisticsView.Denunciations(5, 3, 1, 1, 2, Map.of("TRUE", 1, "PARTLY_TRUE", 1, "FALSE", 0, "UNFOUNDED", 0)),
                new StatisticsView.Appeals(1, 1, Map.of("UPHELD", 1, "FORM_REDUCED", 0, "FORM_INCREASED", 0, "ANNULLED", 0)),
                suspended);
    }

    @ParameterizedTest(name = "{0} to {1}: {2} / {3}")
    @CsvSource(delimiter = '|', value = {
            "2019-01-01|2019-12-31|Năm 2019|In 2019",
            "2025-01-01|2025-06-30|6 tháng đầu năm 2025|In the first half of 2025",
            "2025-01-01|2025-03-31|Quý I năm 2025|In Q1 2025",
            "2025-07-01|2025-09-30|Quý III năm 2025|In Q3 2025",
            "2024-02-01|2024-02-29|Tháng 2 năm 2024|February 2024",
            "2022-01-01|2023-12-31|Từ ngày 01/01/2022 đến ngày 31/12/2023|From 2022-01-01 to 2023-12-31",
            "2025-07-01|2025-12-31|Từ ngày 01/07/2025 đến ngày 31/12/2025|From 2025-07-01 to 2025-12-31"})
    void periods(String from, String to, String vietnamese, String english) {
        assertThat(WRITER.period(LocalDate.parse(from), LocalDate.parse(to), VI)).isEqualTo(vietnamese);
        assertThat(WRITER.period(LocalDate.parse(from), LocalDate.parse(to), EN)).isEqualTo(english);
    }

    @Test
    @DisplayName("forms are listed lightest first, zeros left out, nothing when there is none")
    void forms() {
        assertThat(WRITER.forms(members(32, 6, 2, 0), VI)).isEqualTo(" (khiển trách 32, cảnh cáo 6, cách chức 2)");
        assertThat(WRITER.forms(members(0, 0, 0, 5), VI)).isEqualTo(" (khai trừ 5)");
        assertThat(WRITER.forms(members(0, 0, 0, 5), EN)).isEqualTo(" (expulsion 5)");
        assertThat(WRITER.forms(members(0, 0, 0, 0), VI)).isEmpty();
    }

    @Test
    @DisplayName("seed 000 in Vietnamese: the year, the inspections, and \"thi hành kỷ luật … 40 đảng viên (khiển trách 32, cảnh cáo 6, cách chức 2)\"")
    void seed000InVietnamese() {
        ReportWriter.Report report = WRITER.write(sonDuong2019(new Count(0, 0), Perspective.ACTOR), "Huyện ủy Sơn Dương", VI);
        String text = report.asText();
        assertThat(report.title()).endsWith("HUYỆN ỦY SƠN DƯƠNG — Năm 2019");
        // what did not happen is left out, as the seeds write it
        assertThat(text).contains("Năm 2019, Huyện ủy Sơn Dương và các tổ chức đảng trực thuộc đã kiểm tra 200 tổ chức đảng; "
                        + "giám sát 149 tổ chức đảng và 49 đảng viên.")
                .contains("Thi hành kỷ luật 40 đảng viên (khiển trách 32, cảnh cáo 6, cách chức 2).")
                .doesNotContain(" 0 tổ chức đảng").doesNotContain(" 0 đảng viên").doesNotContain("0 cấp ủy viên")
                .contains("Trong đó: Ban Thường vụ Huyện ủy Sơn Dương thi hành kỷ luật 2 đảng viên (cách chức 2).")
                .contains("Nội dung vi phạm chủ yếu: chính sách dân số - kế hoạch hóa gia đình (20), thiếu trách nhiệm, "
                        + "buông lỏng lãnh đạo, quản lý (18), quản lý đất đai, tài nguyên, khoáng sản (2).")
                .contains("đã giải quyết 2 vụ tố cáo")
                .contains("Giải quyết 1/1 khiếu nại kỷ luật (giữ nguyên 1).")
                .doesNotContain("lĩnh vực khác")
                .doesNotContain("hết thời hiệu")
                .doesNotContain("Đình chỉ sinh hoạt");
    }

    @Test
    @DisplayName("suspensions of party activity are said when there are some, in both languages")
    void suspensions() {
        StatisticsView figures = sonDuong2019(new Count(0, 0), Perspective.ACTOR, new StatisticsView.Suspended(3, 1));
        assertThat(WRITER.write(figures, "Huyện ủy Sơn Dương", VI).asText())
                .contains("Đình chỉ sinh hoạt 3 đảng viên (trong đó 1 cấp ủy viên).");
        assertThat(WRITER.write(figures, "Huyện ủy Sơn Dương", EN).asText())
                .contains("The party activity of 3 members was suspended (1 of them committee members).");
    }

    @Test
    @DisplayName("seed 000 in English, and discipline not imposed for an expired time limit is said when there is some")
    void seed000InEnglish() {
        String text = WRITER.write(sonDuong2019(new Count(0, 3), Perspective.ACTOR), "Huyện ủy Sơn Dương", EN).asText();
        assertThat(text).contains("In 2019, Huyện ủy Sơn Dương and the party organizations under it inspected 200 party organizations")
                .contains("Discipline was imposed on 40 party members (reprimand 32, warning 6, dismissal 2).")
                .contains("Not imposed because the time limit had expired: 3 party members.")
                .doesNotContain(" 0 ")
                .contains("1 of 1 discipline appeals were resolved (upheld 1).");
        assertThat(WRITER.write(sonDuong2019(new Count(0, 3), Perspective.ACTOR), "Huyện ủy Sơn Dương", VI).asText())
                .contains("Không thi hành kỷ luật do hết thời hiệu: 3 đảng viên.");
    }

    @Test
    @DisplayName("a period in which nothing happened says so in one sentence, with no zero figure")
    void nothingHappened() {
        StatisticsView.Count none = new Count(0, 0);
        StatisticsView.Concluded concluded = new StatisticsView.Concluded(none, none, none, none, none);
        StatisticsView empty = new StatisticsView("HU", LocalDate.parse("2019-01-01"), LocalDate.parse("2019-12-31"),
                Scope.OWN, Perspective.ACTOR, new StatisticsView.Inspected(0, 0, 0, java.util.Map.of()),
                new StatisticsView.Supervised(0, 0, java.util.Map.of()), concluded,
                new StatisticsView.Disciplined(organizations(0, 0, 0), members(0, 0, 0, 0), none, none, List.of()),
                java.util.Map.of(), new StatisticsView.Denunciations(0, 0, 0, 0, 0, java.util.Map.of()),
                new StatisticsView.Appeals(0, 0, java.util.Map.of()), new StatisticsView.Suspended(0, 0));
        ReportWriter.Report vi = WRITER.write(empty, "Huyện ủy Sơn Dương", VI);
        assertThat(vi.paragraphs()).containsExactly("Năm 2019, Huyện ủy Sơn Dương không tiến hành kiểm tra, giám sát.");
        assertThat(WRITER.write(empty, "Huyện ủy Sơn Dương", EN).paragraphs())
                .containsExactly("In 2019, Huyện ủy Sơn Dương carried out no inspection or supervision.");
    }

    @Test
    @DisplayName("by subject, the report speaks of the organization's own members, whoever acted")
    void subjectPerspective() {
        String text = WRITER.write(sonDuong2019(new Count(0, 0), Perspective.SUBJECT), "Huyện ủy Sơn Dương", VI).asText();
        assertThat(text).containsIgnoringCase("Năm 2019, đối với tổ chức đảng và đảng viên thuộc Huyện ủy Sơn Dương và các tổ chức "
                + "đảng trực thuộc, các cấp đã kiểm tra 200 tổ chức đảng");
    }
}
