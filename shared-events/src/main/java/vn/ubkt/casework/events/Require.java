package vn.ubkt.casework.events;

import java.util.regex.Pattern;

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

    /** An identifier's characters, compiled once: each event of a replay builds its identifiers anew. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    /**
     * An identifier (of a case, a committee, a suspension): 1 to 100 letters, digits, '.', '_' or '-'. (Checked with
     * {@code String.matches}, each identifier compiled the pattern again: 16% of a rebuild's reading thread.)
     */
    public static String identifier(String value, String name) {
        text(value, name);
        if (!IDENTIFIER.matcher(value).matches()) {
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
