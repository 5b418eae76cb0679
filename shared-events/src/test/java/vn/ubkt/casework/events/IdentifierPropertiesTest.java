package vn.ubkt.casework.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The identifiers' check, written character by character, accepts exactly what its pattern describes. */
class IdentifierPropertiesTest {

    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    @Provide
    Arbitrary<String> candidates() {
        // mostly allowed characters, so that both sides of the rule and both sides of 100 characters are met often
        Arbitrary<Character> allowed = Arbitraries.chars().with("abcxyzABCXYZ0189._-".toCharArray());
        Arbitrary<Character> other = Arbitraries.chars().with(" /\u0000\n\tÀđĐữ~+:@".toCharArray());
        Arbitrary<Character> character = Arbitraries.frequencyOf(Tuple.of(30, allowed), Tuple.of(1, other));
        // and often only allowed characters around the longest identifier allowed
        return Arbitraries.oneOf(character.list().ofMinSize(0).ofMaxSize(110), allowed.list().ofMinSize(98).ofMaxSize(102))
                .map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(text::append);
                    return text.toString();
                });
    }

    @Property(tries = 2000)
    void acceptsWhatThePatternDescribes(@ForAll("candidates") String value) {
        boolean accepted;
        try {
            Require.identifier(value, "id");
            accepted = true;
        } catch (IllegalArgumentException refused) {
            accepted = false;
        }
        assertThat(accepted).as("'%s'", value).isEqualTo(RULE.matcher(value).matches());
    }
}
