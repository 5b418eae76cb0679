package vn.ubkt.casework.events;

/** Guards for the compact constructors of messages: events are permanent, so they are checked on the way in. */
public final class Require {
    private Require() {
    }

    public static <T> T present(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    public static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /**
     * An identifier (of a case, a committee, a suspension): 1 to 100 ASCII letters, digits, '.', '_' or '-'. Each
     * event of a replay builds its identifiers anew, so they are checked character by character: with
     * {@code String.matches}, compiling the pattern for every identifier took 16% of a rebuild's reading thread, and
     * a pattern compiled once still 5% of its threads (docs/BENCHMARKS.md, "Rebuilds, third round").
     */
    public static String identifier(String value, String name) {
        text(value, name);
        boolean valid = value.length() <= 100;
        for (int i = 0; valid && i < value.length(); i++) {
            char c = value.charAt(i);
            valid = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-';
        }
        if (!valid) {
            throw new IllegalArgumentException(name + " must be 1-100 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    public static Integer nonNegative(Integer value, String name) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value;
    }
}
