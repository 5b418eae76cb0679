package vn.ubkt.casework.command.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The shipped rulebook ({@code classpath:rulebook/rulebook.json}) read by the production loader, which is
 * package-private: tests of other packages judge by exactly the rules the application starts with.
 */
public final class TestRulebook {

    private TestRulebook() {
    }

    public static Rulebook load() {
        try (InputStream in = TestRulebook.class.getResourceAsStream("/rulebook/rulebook.json")) {
            if (in == null) {
                throw new IllegalStateException("rulebook/rulebook.json is not on the test classpath");
            }
            return RulebookLoader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
