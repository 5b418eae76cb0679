package vn.ubkt.casework.query.casedetail;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The folding's look-up table against the rule it stands for: each accented letter's plain one, by its place. */
class SearchWordsFoldPropertiesTest {

    @Property(tries = 3000)
    void foldsAsTheLettersTableSays(@ForAll("texts") String text) {
        assertThat(SearchWords.fold(text)).isEqualTo(byTheTable(text));
    }

    /** Vietnamese letters with and without marks, decomposed marks, other scripts, and characters past the table's end. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> vietnamese = Arbitraries.of(SearchWords.ACCENTED.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<Character> marks = Arbitraries.chars().range('\u0300', '\u0323');
        Arbitrary<Character> anywhere = Arbitraries.chars().range('\u0000', '\uFFFF');
        Arbitrary<Character> ascii = Arbitraries.chars().range(' ', '~');
        return Arbitraries.frequencyOf(Tuple.of(3, vietnamese), Tuple.of(1, marks), Tuple.of(2, anywhere),
                        Tuple.of(4, ascii))
                .list().ofMaxSize(40).map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(text::append);
                    return text.toString();
                });
    }

    private static String byTheTable(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder folded = new StringBuilder();
        for (char c : composed.toCharArray()) {
            int at = SearchWords.ACCENTED.indexOf(c);
            folded.append(at >= 0 ? SearchWords.PLAIN.charAt(at) : c);
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }
}
