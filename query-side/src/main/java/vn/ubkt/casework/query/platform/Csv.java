package vn.ubkt.casework.query.platform;

/** CSV as the exports write it: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
public final class Csv {

    private Csv() {
    }

    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        // OWASP "CSV injection": a leading = + - @ tab or CR makes a spreadsheet evaluate the cell
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
