package vn.ubkt.casework.query.reports;

import vn.ubkt.casework.query.statistics.Perspective;
import vn.ubkt.casework.query.committeetree.Scope;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import vn.ubkt.casework.query.statistics.StatisticsView;

/**
 * The statistics as prose, the way the commissions write them (seeds 000, 001): "Năm 2019, … đã kiểm tra
 * 200 tổ chức đảng …; thi hành kỷ luật 40 đảng viên (khiển trách 32, cảnh cáo 6, cách chức 2)".
 */
final class ReportWriter {

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, String> FORMS_VI = Map.of("REPRIMAND", "khiển trách", "WARNING", "cảnh cáo",
            "DISMISSAL", "cách chức", "EXPULSION", "khai trừ", "DISSOLUTION", "giải tán");
    private static final Map<String, String> FORMS_EN = Map.of("REPRIMAND", "reprimand", "WARNING", "warning",
            "DISMISSAL", "dismissal", "EXPULSION", "expulsion", "DISSOLUTION", "dissolution");
    private static final Map<String, String> CATEGORIES_VI = Map.ofEntries(
            Map.entry("DEMOCRATIC_CENTRALISM_AND_WORKING_RULES", "nguyên tắc tập trung dân chủ, quy chế làm việc"),
            Map.entry("PERSONNEL_WORK", "công tác cán bộ"),
            Map.entry("LAND_AND_RESOURCES", "quản lý đất đai, tài nguyên, khoáng sản"),
            Map.entry("FINANCE_AND_ASSETS", "tài chính, tài sản"),
            Map.entry("INVESTMENT_AND_PROCUREMENT", "đầu tư, mua sắm"),
            Map.entry("POPULATION_POLICY", "chính sách dân số - kế hoạch hóa gia đình"),
            Map.entry("LAX_LEADERSHIP", "thiếu trách nhiệm, buông lỏng lãnh đạo, quản lý"),
            Map.entry("ETHICS_AND_LIFESTYLE", "đạo đức, lối sống"),
            Map.entry("POLITICAL_IDEOLOGY", "tư tưởng chính trị"),
            Map.entry("CORRUPTION_AND_NEGATIVITY", "tham nhũng, tiêu cực"),
            Map.entry("FORBIDDEN_CONDUCT", "những điều đảng viên không được làm"),
            Map.entry("INTERNAL_POLITICAL_SECURITY", "bảo vệ chính trị nội bộ"),
            Map.entry("NATIONAL_SECURITY_DEFENCE_FOREIGN_AFFAIRS", "an ninh, quốc phòng, đối ngoại"),
            Map.entry("ILLEGAL_DIPLOMAS", "sử dụng văn bằng không hợp pháp"),
            Map.entry("OTHER", "lĩnh vực khác"));
    private static final Map<String, String> RESULTS_VI = Map.of("TRUE", "đúng", "PARTLY_TRUE", "đúng một phần",
            "FALSE", "sai", "UNFOUNDED", "không có cơ sở", "UPHELD", "giữ nguyên", "FORM_REDUCED", "giảm hình thức",
            "FORM_INCREASED", "tăng hình thức", "ANNULLED", "xóa bỏ quyết định");

    private ReportWriter() {
    }

    record Report(String title, List<String> paragraphs) {

        String asText() {
            return title + "\n\n" + String.join("\n\n", paragraphs) + "\n";
        }
    }

    static Report write(StatisticsView s, String committeeName, boolean vietnamese) {
        return vietnamese ? vietnamese(s, committeeName) : english(s, committeeName);
    }

    static String periodVi(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() == 1 && to.equals(from.withDayOfMonth(from.lengthOfMonth())) && from.getMonthValue() == to.getMonthValue()) {
            return "Tháng " + from.getMonthValue() + " năm " + from.getYear();
        }
        if (from.getYear() == to.getYear() && from.getDayOfYear() == 1) {
            if (to.getMonthValue() == 12 && to.getDayOfMonth() == 31) {
                return "Năm " + from.getYear();
            }
            if (to.getMonthValue() == 6 && to.getDayOfMonth() == 30) {
                return "6 tháng đầu năm " + from.getYear();
            }
        }
        if (from.getYear() == to.getYear() && from.getDayOfMonth() == 1 && (from.getMonthValue() - 1) % 3 == 0
                && to.equals(from.plusMonths(3).minusDays(1))) {
            return "Quý " + "I II III IV".split(" ")[(from.getMonthValue() - 1) / 3] + " năm " + from.getYear();
        }
        return "Từ ngày " + VI_DATE.format(from) + " đến ngày " + VI_DATE.format(to);
    }

    static String periodEn(LocalDate from, LocalDate to) {
        if (from.getDayOfMonth() == 1 && to.equals(from.withDayOfMonth(from.lengthOfMonth())) && from.getMonthValue() == to.getMonthValue()) {
            return from.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + from.getYear();
        }
        if (from.getYear() == to.getYear() && from.getDayOfYear() == 1) {
            if (to.getMonthValue() == 12 && to.getDayOfMonth() == 31) {
                return "In " + from.getYear();
            }
            if (to.getMonthValue() == 6 && to.getDayOfMonth() == 30) {
                return "In the first half of " + from.getYear();
            }
        }
        if (from.getYear() == to.getYear() && from.getDayOfMonth() == 1 && (from.getMonthValue() - 1) % 3 == 0
                && to.equals(from.plusMonths(3).minusDays(1))) {
            return "In Q" + ((from.getMonthValue() - 1) / 3 + 1) + " " + from.getYear();
        }
        return "From " + from + " to " + to;
    }

    private static Report vietnamese(StatisticsView s, String name) {
        String who = name + (s.scope() == Scope.SUBTREE ? " và các tổ chức đảng trực thuộc" : "");
        String period = periodVi(s.from(), s.to());
        List<String> paragraphs = new ArrayList<>();
        String lens = s.perspective() == Perspective.SUBJECT
                ? "đối với tổ chức đảng và đảng viên thuộc " + who + ", các cấp" : who;
        paragraphs.add(period + ", " + lens + " đã kiểm tra " + s.inspected().organizations() + " tổ chức đảng và "
                + s.inspected().members() + " đảng viên (trong đó " + s.inspected().committeeMembers()
                + " cấp ủy viên); giám sát " + s.supervised().organizations() + " tổ chức đảng và "
                + s.supervised().members() + " đảng viên.");
        StatisticsView.Count violation = (StatisticsView.Count) s.concluded().get("VIOLATION");
        StatisticsView.Count shortcoming = (StatisticsView.Count) s.concluded().get("SHORTCOMING");
        StatisticsView.Count warranted = (StatisticsView.Count) s.concluded().get("disciplineWarranted");
        paragraphs.add("Qua kiểm tra, giám sát đã kết luận " + violation.organizations() + " tổ chức đảng và "
                + violation.members() + " đảng viên có vi phạm, " + shortcoming.organizations() + " tổ chức đảng và "
                + shortcoming.members() + " đảng viên có khuyết điểm; " + warranted.organizations() + " tổ chức đảng và "
                + warranted.members() + " đảng viên phải thi hành kỷ luật.");
        StatisticsView.Disciplined d = s.disciplined();
        StringBuilder discipline = new StringBuilder("Thi hành kỷ luật " + d.organizations().get("total") + " tổ chức đảng"
                + forms(d.organizations(), FORMS_VI) + " và " + d.members().get("total") + " đảng viên"
                + forms(d.members(), FORMS_VI) + ".");
        if (!d.byDecidingCommittee().isEmpty()) {
            discipline.append(" Trong đó: ").append(d.byDecidingCommittee().stream()
                    .map(b -> b.name() + " thi hành kỷ luật " + both(b, FORMS_VI, "tổ chức đảng", "đảng viên"))
                    .collect(Collectors.joining("; "))).append('.');
        }
        if (d.notImposed().organizations() + d.notImposed().members() > 0) {
            discipline.append(" Không thi hành kỷ luật do hết thời hiệu: ").append(d.notImposed().organizations())
                    .append(" tổ chức đảng, ").append(d.notImposed().members()).append(" đảng viên.");
        }
        if (s.suspended().members() > 0) {
            discipline.append(" Đình chỉ sinh hoạt ").append(s.suspended().members()).append(" đảng viên")
                    .append(s.suspended().committeeMembers() > 0
                            ? " (trong đó " + s.suspended().committeeMembers() + " cấp ủy viên)" : "").append('.');
        }
        paragraphs.add(discipline.toString());
        String categories = categories(s.violationCategories(), CATEGORIES_VI);
        if (!categories.isEmpty()) {
            paragraphs.add("Nội dung vi phạm chủ yếu: " + categories + ".");
        }
        paragraphs.add("Tiếp nhận " + s.denunciations().received() + " đơn thư tố cáo; chuyển giải quyết theo thẩm quyền "
                + s.denunciations().accepted() + ", chuyển cấp có thẩm quyền " + s.denunciations().transferred()
                + ", lưu đơn " + s.denunciations().dismissed() + "; đã giải quyết " + s.denunciations().resolved()
                + " vụ tố cáo" + results(s.denunciations().byResult(), RESULTS_VI) + ". Giải quyết "
                + s.appeals().resolved() + "/" + s.appeals().filed() + " khiếu nại kỷ luật"
                + results(s.appeals().byResult(), RESULTS_VI) + ".");
        return new Report("BÁO CÁO CÔNG TÁC KIỂM TRA, GIÁM SÁT VÀ THI HÀNH KỶ LUẬT ĐẢNG — " + name.toUpperCase(new java.util.Locale("vi"))
                + " — " + period, paragraphs);
    }

    private static Report english(StatisticsView s, String name) {
        String who = name + (s.scope() == Scope.SUBTREE ? " and the party organizations under it" : "");
        String period = periodEn(s.from(), s.to());
        List<String> paragraphs = new ArrayList<>();
        String lens = s.perspective() == Perspective.SUBJECT
                ? "the bodies acting on party organizations and members of " + who : who;
        paragraphs.add(period + ", " + lens + " inspected " + s.inspected().organizations() + " party organizations and "
                + s.inspected().members() + " party members (" + s.inspected().committeeMembers()
                + " of them committee members) and supervised " + s.supervised().organizations()
                + " party organizations and " + s.supervised().members() + " party members.");
        StatisticsView.Count violation = (StatisticsView.Count) s.concluded().get("VIOLATION");
        StatisticsView.Count shortcoming = (StatisticsView.Count) s.concluded().get("SHORTCOMING");
        StatisticsView.Count warranted = (StatisticsView.Count) s.concluded().get("disciplineWarranted");
        paragraphs.add("Conclusions found violations by " + violation.organizations() + " organizations and "
                + violation.members() + " members, shortcomings of " + shortcoming.organizations() + " organizations and "
                + shortcoming.members() + " members; discipline was warranted for " + warranted.organizations()
                + " organizations and " + warranted.members() + " members.");
        StatisticsView.Disciplined d = s.disciplined();
        StringBuilder discipline = new StringBuilder("Discipline was imposed on " + d.organizations().get("total")
                + " organizations" + forms(d.organizations(), FORMS_EN) + " and " + d.members().get("total") + " members"
                + forms(d.members(), FORMS_EN) + ".");
        if (!d.byDecidingCommittee().isEmpty()) {
            discipline.append(" Of these: ").append(d.byDecidingCommittee().stream()
                    .map(b -> b.name() + " disciplined " + both(b, FORMS_EN, "organizations", "members"))
                    .collect(Collectors.joining("; "))).append('.');
        }
        if (d.notImposed().organizations() + d.notImposed().members() > 0) {
            discipline.append(" Not imposed because the time limit had expired: ").append(d.notImposed().organizations())
                    .append(" organizations, ").append(d.notImposed().members()).append(" members.");
        }
        if (s.suspended().members() > 0) {
            discipline.append(" The party activity of ").append(s.suspended().members()).append(" members was suspended")
                    .append(s.suspended().committeeMembers() > 0
                            ? " (" + s.suspended().committeeMembers() + " of them committee members)" : "").append('.');
        }
        paragraphs.add(discipline.toString());
        paragraphs.add(s.denunciations().received() + " denunciation letters were received, " + s.denunciations().accepted()
                + " accepted, " + s.denunciations().transferred() + " transferred, " + s.denunciations().dismissed()
                + " dismissed; " + s.denunciations().resolved() + " denunciations were resolved"
                + results(s.denunciations().byResult(), null) + ". " + s.appeals().resolved() + " of "
                + s.appeals().filed() + " discipline appeals were resolved" + results(s.appeals().byResult(), null) + ".");
        return new Report("INSPECTION, SUPERVISION AND DISCIPLINE REPORT — " + name + " — " + period, paragraphs);
    }

    /** " (khiển trách 32, cảnh cáo 6, cách chức 2)", zero forms left out; "" when there is none. */
    static String forms(Map<String, Integer> counts, Map<String, String> names) {
        String listed = counts.entrySet().stream().filter(e -> !e.getKey().equals("total") && e.getValue() > 0)
                .map(e -> names.get(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
        return listed.isEmpty() ? "" : " (" + listed + ")";
    }

    private static String both(StatisticsView.ByDecidingCommittee b, Map<String, String> names, String orgs, String members) {
        List<String> parts = new ArrayList<>();
        if (b.organizations().get("total") > 0) {
            parts.add(b.organizations().get("total") + " " + orgs + forms(b.organizations(), names));
        }
        if (b.members().get("total") > 0) {
            parts.add(b.members().get("total") + " " + members + forms(b.members(), names));
        }
        return String.join(", ", parts);
    }

    private static String categories(Map<String, Integer> counts, Map<String, String> names) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted.entrySet().stream().map(e -> names.get(e.getKey()) + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    private static String results(Map<String, Integer> counts, Map<String, String> names) {
        String listed = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> (names == null ? e.getKey().toLowerCase().replace('_', ' ') : names.get(e.getKey())) + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return listed.isEmpty() ? "" : " (" + listed + ")";
    }
}
