package vn.ubkt.casework.command.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The shipped rulebook ({@code classpath:rulebook/rulebook.json}) and holidays read by the production loader, which is
 * package-private: tests of other packages judge by exactly the rules the application starts with.
 */
public final class TestRulebook {

    private TestRulebook() {
    }

    public static Rulebook load() {
        return loadWith(java.util.function.UnaryOperator.identity());
    }

    /** The shipped rulebook as a deployment would correct it: {@code edit} changes its text before it is read. */
    public static Rulebook loadWith(java.util.function.UnaryOperator<String> edit) {
        try (InputStream in = TestRulebook.class.getResourceAsStream("/rulebook/rulebook.json")) {
            if (in == null) {
                throw new IllegalStateException("rulebook/rulebook.json is not on the test classpath");
            }
            String text = edit.apply(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            Rulebook read = RulebookLoader.read(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return new Rulebook(read.versions(), RulebookLoader.shippedHolidays());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
