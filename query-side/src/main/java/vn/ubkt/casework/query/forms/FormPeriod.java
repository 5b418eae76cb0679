package vn.ubkt.casework.query.forms;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as the regime names it (QĐ 885-QĐ/UBKTTW: month, first quarter, 6 months, 9 months, year, term):
 * {@code M:2019-03}, {@code Q1:2019}, {@code H1:2019}, {@code 9M:2019}, {@code Y:2019}, {@code TERM:2020-2025}. Every
 * period but the month is a running total from the start of the year (or of the term): the first quarter, the first
 * 6 and 9 months, the whole year. A term runs from 1 January of its first year to 31 December of its last year
 * unless the deployment gives the dates of its congresses ({@code casework.forms.terms.2020-2025=2020-10-01..2025-09-30}):
 * the congress dates differ per committee and are not in the record (U).
 */
public record FormPeriod(String code, Kind kind, LocalDate from, LocalDate to) {

    public enum Kind { M, Q1, H1, NINE_MONTHS, Y, TERM }

    private static final Pattern MONTH = Pattern.compile("M:(\\d{4})-(\\d{2})");
    private static final Pattern YEARLY = Pattern.compile("(Q1|H1|9M|Y):(\\d{4})");
    private static final Pattern TERM = Pattern.compile("TERM:(\\d{4})-(\\d{4})");

    /** Parses a period; {@code terms} gives a term's dates when the deployment set them ("from..to"), else null. */
    public static FormPeriod parse(String code, java.util.function.Function<String, String> terms) {
        if (code == null) {
            throw new IllegalArgumentException("period is required: M:2019-03, Q1:2019, H1:2019, 9M:2019, Y:2019 or TERM:2020-2025");
        }
        Matcher m = MONTH.matcher(code);
        if (m.matches()) {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), checkedMonth(m.group(2)));
            return new FormPeriod(code, Kind.M, month.atDay(1), month.atEndOfMonth());
        }
        m = YEARLY.matcher(code);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(2));
            LocalDate start = LocalDate.of(year, 1, 1);
            return switch (m.group(1)) {
                case "Q1" -> new FormPeriod(code, Kind.Q1, start, LocalDate.of(year, 3, 31));
                case "H1" -> new FormPeriod(code, Kind.H1, start, LocalDate.of(year, 6, 30));
                case "9M" -> new FormPeriod(code, Kind.NINE_MONTHS, start, LocalDate.of(year, 9, 30));
                default -> new FormPeriod(code, Kind.Y, start, LocalDate.of(year, 12, 31));
            };
        }
        m = TERM.matcher(code);
        if (m.matches()) {
            int first = Integer.parseInt(m.group(1));
            int last = Integer.parseInt(m.group(2));
            if (last <= first) {
                throw new IllegalArgumentException("period " + code + ": a term ends after it begins");
            }
            String configured = terms.apply(first + "-" + last);
            if (configured != null && !configured.isBlank()) {
                String[] parts = configured.split("\\.\\.");
                return new FormPeriod(code, Kind.TERM, LocalDate.parse(parts[0].strip()), LocalDate.parse(parts[1].strip()));
            }
            return new FormPeriod(code, Kind.TERM, LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31));
        }
        throw new IllegalArgumentException("period " + code
                + " is not one of M:2019-03, Q1:2019, H1:2019, 9M:2019, Y:2019, TERM:2020-2025");
    }

    private static int checkedMonth(String month) {
        int value = Integer.parseInt(month);
        if (value < 1 || value > 12) {
            throw new IllegalArgumentException("a month is 01 to 12");
        }
        return value;
    }

    /** The period as a form's heading says it. */
    public String label() {
        return switch (kind) {
            case M -> "Tháng " + from.getMonthValue() + " năm " + from.getYear();
            case Q1 -> "Quý I năm " + from.getYear();
            case H1 -> "6 tháng đầu năm " + from.getYear();
            case NINE_MONTHS -> "9 tháng năm " + from.getYear();
            case Y -> "Năm " + from.getYear();
            case TERM -> "Nhiệm kỳ " + code.substring(5).replace("-", " - ");
        };
    }
}
