package vn.ubkt.casework.query.platform;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences from the message bundles with named placeholders ({@code {form}}, {@code {what}}): the bundle says
 * where each part goes in each language, the code says what the parts are. No positional arguments to miscount.
 */
public final class Sentences {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private Sentences() {
    }

    /** The pattern with each {@code {name}} replaced by {@code value(name)} (an unknown name by nothing). */
    public static String fill(String pattern, Function<String, String> value) {
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        StringBuilder sentence = new StringBuilder();
        while (placeholder.find()) {
            String filled = value.apply(placeholder.group(1));
            placeholder.appendReplacement(sentence, Matcher.quoteReplacement(filled == null ? "" : filled));
        }
        placeholder.appendTail(sentence);
        return sentence.toString();
    }

    public static String fill(String pattern, Map<String, ?> values) {
        return fill(pattern, name -> values.containsKey(name) ? String.valueOf(values.get(name)) : "");
    }
}
