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

    /** Words of one language for the prose below; the seeds leave out what did not happen, and so does the report. */
    private record Words(String organizations, String members, String and, String committeeMembersAmong,
                         Map<String, String> forms, Map<String, String> results) {

        /** "200 tổ chức đảng và 8 đảng viên", "8 đảng viên", or null when both are zero. */
        String both(int organizationCount, int memberCount) {
            List<String> parts = new ArrayList<>();
            if (organizationCount > 0) {
                parts.add(organizationCount + " " + organizations);
            }
            if (memberCount > 0) {
                parts.add(memberCount + " " + members);
            }
            return parts.isEmpty() ? null : String.join(and, parts);
        }

        String both(StatisticsView.Count count) {
            return both(count.organizations(), count.members());
        }

        /** The same with each form decided: "1 tổ chức đảng (cảnh cáo 1) và 40 đảng viên (khiển trách 32, …)". */
        String disciplined(Map<String, Integer> organizationForms, Map<String, Integer> memberForms) {
            List<String> parts = new ArrayList<>();
            if (organizationForms.get("total") > 0) {
                parts.add(organizationForms.get("total") + " " + organizations + ReportWriter.forms(organizationForms, forms));
            }
            if (memberForms.get("total") > 0) {
                parts.add(memberForms.get("total") + " " + members + ReportWriter.forms(memberForms, forms));
            }
            return parts.isEmpty() ? null : String.join(and, parts);
        }
    }

    private static final Words VI = new Words("tổ chức đảng", "đảng viên", " và ", " (trong đó %d cấp ủy viên)", FORMS_VI,
            RESULTS_VI);
    private static final Words EN = new Words("party organizations", "party members", " and ",
            " (%d of them committee members)", FORMS_EN, null);

    private static Report vietnamese(StatisticsView s, String name) {
        String who = name + (s.scope() == Scope.SUBTREE ? " và các tổ chức đảng trực thuộc" : "");
        String period = periodVi(s.from(), s.to());
        List<String> paragraphs = new ArrayList<>();
        String lens = s.perspective() == Perspective.SUBJECT
                ? "đối với tổ chức đảng và đảng viên thuộc " + who + ", các cấp" : who;
        String inspected = VI.both(s.inspected().organizations(), s.inspected().members());
        String supervised = VI.both(s.supervised().organizations(), s.supervised().members());
        List<String> work = new ArrayList<>();
        if (inspected != null) {
            work.add("đã kiểm tra " + inspected + (s.inspected().committeeMembers() > 0
                    ? VI.committeeMembersAmong().formatted(s.inspected().committeeMembers()) : ""));
        }
        if (supervised != null) {
            work.add((inspected == null ? "đã " : "") + "giám sát " + supervised);
        }
        paragraphs.add(period + ", " + lens + " " + (work.isEmpty() ? "không tiến hành kiểm tra, giám sát" : String.join("; ", work)) + ".");
        StatisticsView.Count violation = s.concluded().violation();
        StatisticsView.Count shortcoming = s.concluded().shortcoming();
        StatisticsView.Count warranted = s.concluded().disciplineWarranted();
        List<String> concluded = new ArrayList<>();
        if (VI.both(violation) != null) {
            concluded.add(VI.both(violation) + " có vi phạm");
        }
        if (VI.both(shortcoming) != null) {
            concluded.add(VI.both(shortcoming) + " có khuyết điểm");
        }
        if (!concluded.isEmpty()) {
            paragraphs.add("Qua kiểm tra, giám sát đã kết luận " + String.join(", ", concluded)
                    + (VI.both(warranted) == null ? "" : "; " + VI.both(warranted) + " phải thi hành kỷ luật") + ".");
        }
        StatisticsView.Disciplined d = s.disciplined();
        List<String> discipline = new ArrayList<>();
        String imposed = VI.disciplined(d.organizations(), d.members());
        if (imposed != null) {
            discipline.add("Thi hành kỷ luật " + imposed + ".");
        }
        if (!d.byDecidingCommittee().isEmpty()) {
            discipline.add("Trong đó: " + d.byDecidingCommittee().stream()
                    .map(b -> b.name() + " thi hành kỷ luật " + both(b, FORMS_VI, "tổ chức đảng", "đảng viên"))
                    .collect(Collectors.joining("; ")) + ".");
        }
        if (VI.both(d.notImposed()) != null) {
            discipline.add("Không thi hành kỷ luật do hết thời hiệu: " + VI.both(d.notImposed()) + ".");
        }
        if (s.suspended().members() > 0) {
            discipline.add("Đình chỉ sinh hoạt " + s.suspended().members() + " đảng viên"
                    + (s.suspended().committeeMembers() > 0
                    ? VI.committeeMembersAmong().formatted(s.suspended().committeeMembers()) : "") + ".");
        }
        if (!discipline.isEmpty()) {
            paragraphs.add(String.join(" ", discipline));
        }
        String categories = categories(s.violationCategories(), CATEGORIES_VI);
        if (!categories.isEmpty()) {
            paragraphs.add("Nội dung vi phạm chủ yếu: " + categories + ".");
        }
        List<String> letters = new ArrayList<>();
        StatisticsView.Denunciations t = s.denunciations();
        if (t.received() > 0) {
            letters.add("Tiếp nhận " + t.received() + " đơn thư tố cáo");
        }
        List<String> handled = new ArrayList<>();
        if (t.accepted() > 0) {
            handled.add("chuyển giải quyết theo thẩm quyền " + t.accepted());
        }
        if (t.transferred() > 0) {
            handled.add("chuyển cấp có thẩm quyền " + t.transferred());
        }
        if (t.dismissed() > 0) {
            handled.add("lưu đơn " + t.dismissed());
        }
        if (!handled.isEmpty()) {
            letters.add(String.join(", ", handled));
        }
        if (t.resolved() > 0) {
            letters.add("đã giải quyết " + t.resolved() + " vụ tố cáo" + results(t.byResult(), RESULTS_VI));
        }
        StringBuilder last = new StringBuilder();
        if (!letters.isEmpty()) {
            String sentence = String.join("; ", letters);
            last.append(Character.toUpperCase(sentence.charAt(0))).append(sentence.substring(1)).append('.');
        }
        if (s.appeals().filed() + s.appeals().resolved() > 0) {
            last.append(last.isEmpty() ? "" : " ").append("Giải quyết ").append(s.appeals().resolved()).append('/')
                    .append(s.appeals().filed()).append(" khiếu nại kỷ luật").append(results(s.appeals().byResult(), RESULTS_VI))
                    .append('.');
        }
        if (!last.isEmpty()) {
            paragraphs.add(last.toString());
        }
        return new Report("BÁO CÁO CÔNG TÁC KIỂM TRA, GIÁM SÁT VÀ THI HÀNH KỶ LUẬT ĐẢNG — " + name.toUpperCase(new java.util.Locale("vi"))
                + " — " + period, paragraphs);
    }

    private static Report english(StatisticsView s, String name) {
        String who = name + (s.scope() == Scope.SUBTREE ? " and the party organizations under it" : "");
        String period = periodEn(s.from(), s.to());
        List<String> paragraphs = new ArrayList<>();
        String lens = s.perspective() == Perspective.SUBJECT
                ? "the bodies acting on party organizations and members of " + who : who;
        String inspected = EN.both(s.inspected().organizations(), s.inspected().members());
        String supervised = EN.both(s.supervised().organizations(), s.supervised().members());
        List<String> work = new ArrayList<>();
        if (inspected != null) {
            work.add("inspected " + inspected + (s.inspected().committeeMembers() > 0
                    ? EN.committeeMembersAmong().formatted(s.inspected().committeeMembers()) : ""));
        }
        if (supervised != null) {
            work.add("supervised " + supervised);
        }
        paragraphs.add(period + ", " + lens + " " + (work.isEmpty() ? "carried out no inspection or supervision"
                : String.join(" and ", work)) + ".");
        StatisticsView.Count violation = s.concluded().violation();
        StatisticsView.Count shortcoming = s.concluded().shortcoming();
        StatisticsView.Count warranted = s.concluded().disciplineWarranted();
        List<String> concluded = new ArrayList<>();
        if (EN.both(violation) != null) {
            concluded.add("violations by " + EN.both(violation));
        }
        if (EN.both(shortcoming) != null) {
            concluded.add("shortcomings of " + EN.both(shortcoming));
        }
        if (!concluded.isEmpty()) {
            paragraphs.add("Conclusions found " + String.join(", ", concluded)
                    + (EN.both(warranted) == null ? "" : "; discipline was warranted for " + EN.both(warranted)) + ".");
        }
        StatisticsView.Disciplined d = s.disciplined();
        List<String> discipline = new ArrayList<>();
        String imposed = EN.disciplined(d.organizations(), d.members());
        if (imposed != null) {
            discipline.add("Discipline was imposed on " + imposed + ".");
        }
        if (!d.byDecidingCommittee().isEmpty()) {
            discipline.add("Of these: " + d.byDecidingCommittee().stream()
                    .map(b -> b.name() + " disciplined " + both(b, FORMS_EN, "organizations", "members"))
                    .collect(Collectors.joining("; ")) + ".");
        }
        if (EN.both(d.notImposed()) != null) {
            discipline.add("Not imposed because the time limit had expired: " + EN.both(d.notImposed()) + ".");
        }
        if (s.suspended().members() > 0) {
            discipline.add("The party activity of " + s.suspended().members() + " members was suspended"
                    + (s.suspended().committeeMembers() > 0
                    ? EN.committeeMembersAmong().formatted(s.suspended().committeeMembers()) : "") + ".");
        }
        if (!discipline.isEmpty()) {
            paragraphs.add(String.join(" ", discipline));
        }
        List<String> letters = new ArrayList<>();
        StatisticsView.Denunciations t = s.denunciations();
        if (t.received() > 0) {
            letters.add(t.received() + " denunciation letters were received");
        }
        List<String> handled = new ArrayList<>();
        if (t.accepted() > 0) {
            handled.add(t.accepted() + " accepted");
        }
        if (t.transferred() > 0) {
            handled.add(t.transferred() + " transferred");
        }
        if (t.dismissed() > 0) {
            handled.add(t.dismissed() + " dismissed");
        }
        if (!handled.isEmpty()) {
            letters.add(String.join(", ", handled));
        }
        if (t.resolved() > 0) {
            letters.add(t.resolved() + " denunciations were resolved" + results(t.byResult(), null));
        }
        StringBuilder last = new StringBuilder();
        if (!letters.isEmpty()) {
            last.append(String.join("; ", letters)).append('.');
        }
        if (s.appeals().filed() + s.appeals().resolved() > 0) {
            last.append(last.isEmpty() ? "" : " ").append(s.appeals().resolved()).append(" of ").append(s.appeals().filed())
                    .append(" discipline appeals were resolved").append(results(s.appeals().byResult(), null)).append('.');
        }
        if (!last.isEmpty()) {
            paragraphs.add(last.toString());
        }
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
