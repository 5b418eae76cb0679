package vn.ubkt.casework.query.reports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ubkt.casework.query.committeetree.Scope;
import vn.ubkt.casework.query.platform.Sentences;
import vn.ubkt.casework.query.statistics.StatisticsView;

/**
 * The statistics as prose, the way the commissions write them (seeds 000, 001): "Năm 2019, … đã kiểm tra
 * 200 tổ chức đảng …; thi hành kỷ luật 40 đảng viên (khiển trách 32, cảnh cáo 6, cách chức 2)". One writer for
 * every language: the sentences and the words are the message bundles' {@code report.*}; what did not happen is
 * left out, as the seeds leave it out.
 */
@Component
class ReportWriter {

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] QUARTERS = {"I", "II", "III", "IV"};

    record Report(String title, List<String> paragraphs) {

        String asText() {
            return title + "\n\n" + String.join("\n\n", paragraphs) + "\n";
        }
    }

    private final MessageSource messages;

    ReportWriter(MessageSource messages) {
        this.messages = messages;
    }

    Report write(StatisticsView s, String committeeName, Locale locale) {
        return new Language(locale).report(s, committeeName);
    }

    /** How the report names a period: "Năm 2019", "Quý I năm 2025", "In the first half of 2025". */
    String period(LocalDate from, LocalDate to, Locale locale) {
        return new Language(locale).period(from, to);
    }

    /** " (khiển trách 32, cảnh cáo 6, cách chức 2)": the forms decided, zeros left out. */
    String forms(Map<String, Integer> counts, Locale locale) {
        return new Language(locale).forms(counts);
    }

    /** The report's sentences in one language. */
    private final class Language {

        private final Locale locale;

        Language(Locale locale) {
            this.locale = locale;
        }

        private String raw(String key) {
            return messages.getMessage("report." + key, null, locale);
        }

        private String say(String key, Object... namesAndValues) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
                values.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
            return Sentences.fill(raw(key), values);
        }

        String period(LocalDate from, LocalDate to) {
            int year = from.getYear();
            if (from.getDayOfMonth() == 1 && to.equals(from.withDayOfMonth(from.lengthOfMonth()))) {
                return say("period.month", "month", from.getMonthValue(), "year", year,
                        "monthName", from.getMonth().getDisplayName(TextStyle.FULL, locale));
            }
            if (year == to.getYear() && from.getDayOfYear() == 1 && to.getMonthValue() == 12 && to.getDayOfMonth() == 31) {
                return say("period.year", "year", year);
            }
            if (year == to.getYear() && from.getDayOfYear() == 1 && to.getMonthValue() == 6 && to.getDayOfMonth() == 30) {
                return say("period.half", "year", year);
            }
            if (year == to.getYear() && from.getDayOfMonth() == 1 && (from.getMonthValue() - 1) % 3 == 0
                    && to.equals(from.plusMonths(3).minusDays(1))) {
                int quarter = (from.getMonthValue() - 1) / 3;
                return say("period.quarter", "quarter", QUARTERS[quarter], "quarterNumber", quarter + 1, "year", year);
            }
            return say("period.range", "from", VI_DATE.format(from), "to", VI_DATE.format(to), "fromIso", from, "toIso", to);
        }

        /** "200 tổ chức đảng và 8 đảng viên", "8 đảng viên", or null when both are zero. */
        String both(int organizations, int members, String organizationsKey, String membersKey,
                    Map<String, Integer> organizationForms, Map<String, Integer> memberForms, String joiner) {
            List<String> parts = new ArrayList<>();
            if (organizations > 0) {
                parts.add(say(organizationsKey, "n", organizations) + forms(organizationForms));
            }
            if (members > 0) {
                parts.add(say(membersKey, "n", members) + forms(memberForms));
            }
            return parts.isEmpty() ? null : String.join(joiner, parts);
        }

        String both(StatisticsView.Count count) {
            return both(count.organizations(), count.members(), "organizations", "members", null, null, raw("and"));
        }

        /** " (khiển trách 32, cảnh cáo 6, cách chức 2)", zero forms left out; "" when there is none. */
        String forms(Map<String, Integer> counts) {
            if (counts == null) {
                return "";
            }
            String listed = counts.entrySet().stream().filter(e -> !e.getKey().equals("total") && e.getValue() > 0)
                    .map(e -> raw("form." + e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
            return listed.isEmpty() ? "" : " (" + listed + ")";
        }

        String results(Map<String, Integer> counts) {
            String listed = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> raw("result." + e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "));
            return listed.isEmpty() ? "" : " (" + listed + ")";
        }

        String categories(Map<String, Integer> counts) {
            return counts.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(e -> raw("category." + e.getKey()) + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", "));
        }

        private String among(int committeeMembers) {
            return committeeMembers > 0 ? say("among", "n", committeeMembers) : "";
        }

        Report report(StatisticsView s, String name) {
            String period = period(s.from(), s.to());
            String who = say("who." + (s.scope() == Scope.SUBTREE ? "SUBTREE" : "OWN"), "name", name);
            String lens = say("lens." + s.perspective().name(), "who", who);
            List<String> paragraphs = new ArrayList<>();

            String inspected = both(s.inspected().organizations(), s.inspected().members(), "organizations", "members",
                    null, null, raw("and"));
            String supervised = both(s.supervised().organizations(), s.supervised().members(), "organizations", "members",
                    null, null, raw("and"));
            List<String> work = new ArrayList<>();
            if (inspected != null) {
                work.add(say("work.inspected", "what", inspected, "among", among(s.inspected().committeeMembers())));
            }
            if (supervised != null) {
                work.add(say(inspected == null ? "work.supervisedAlone" : "work.supervised", "what", supervised));
            }
            paragraphs.add(say("work", "period", period, "lens", lens,
                    "work", work.isEmpty() ? raw("work.none") : String.join(raw("work.join"), work)));

            StatisticsView.Concluded c = s.concluded();
            List<String> concluded = new ArrayList<>();
            if (both(c.violation()) != null) {
                concluded.add(say("concluded.violation", "what", both(c.violation())));
            }
            if (both(c.shortcoming()) != null) {
                concluded.add(say("concluded.shortcoming", "what", both(c.shortcoming())));
            }
            if (!concluded.isEmpty()) {
                paragraphs.add(say("concluded", "list", String.join(", ", concluded), "warranted",
                        both(c.disciplineWarranted()) == null ? "" : say("concluded.warranted", "what", both(c.disciplineWarranted()))));
            }

            StatisticsView.Disciplined d = s.disciplined();
            List<String> discipline = new ArrayList<>();
            String imposed = both(d.organizations().get("total"), d.members().get("total"), "organizations", "members",
                    d.organizations(), d.members(), raw("and"));
            if (imposed != null) {
                discipline.add(say("disciplined", "what", imposed));
            }
            if (!d.byDecidingCommittee().isEmpty()) {
                discipline.add(say("byDeciding", "list", d.byDecidingCommittee().stream()
                        .map(b -> say("byDeciding.one", "name", b.name(), "what", both(b.organizations().get("total"),
                                b.members().get("total"), "deciderOrganizations", "deciderMembers", b.organizations(),
                                b.members(), ", ")))
                        .collect(Collectors.joining("; "))));
            }
            if (both(d.notImposed()) != null) {
                discipline.add(say("notImposed", "what", both(d.notImposed())));
            }
            if (s.suspended().members() > 0) {
                discipline.add(say("suspended", "n", s.suspended().members(), "among", among(s.suspended().committeeMembers())));
            }
            if (!discipline.isEmpty()) {
                paragraphs.add(String.join(" ", discipline));
            }
            String categories = categories(s.violationCategories());
            if (!categories.isEmpty()) {
                paragraphs.add(say("categories", "list", categories));
            }

            StatisticsView.Denunciations t = s.denunciations();
            List<String> letters = new ArrayList<>();
            if (t.received() > 0) {
                letters.add(say("letters.received", "n", t.received()));
            }
            List<String> handled = new ArrayList<>();
            for (Object[] step : new Object[][] {{"letters.accepted", t.accepted()}, {"letters.transferred", t.transferred()},
                    {"letters.dismissed", t.dismissed()}}) {
                if ((int) step[1] > 0) {
                    handled.add(say((String) step[0], "n", step[1]));
                }
            }
            if (!handled.isEmpty()) {
                letters.add(String.join(", ", handled));
            }
            if (t.resolved() > 0) {
                letters.add(say("letters.resolved", "n", t.resolved(), "results", results(t.byResult())));
            }
            List<String> last = new ArrayList<>();
            if (!letters.isEmpty()) {
                String sentence = String.join("; ", letters);
                last.add(sentence.substring(0, 1).toUpperCase(locale) + sentence.substring(1) + ".");
            }
            if (s.appeals().filed() + s.appeals().resolved() > 0) {
                last.add(say("appeals", "resolved", s.appeals().resolved(), "filed", s.appeals().filed(),
                        "results", results(s.appeals().byResult())));
            }
            if (!last.isEmpty()) {
                paragraphs.add(String.join(" ", last));
            }
            return new Report(say("title", "name", name, "NAME", name.toUpperCase(locale), "period", period), paragraphs);
        }
    }
}
