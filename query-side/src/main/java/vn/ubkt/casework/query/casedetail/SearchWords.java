package vn.ubkt.casework.query.casedetail;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words a case is found by, and the query a search's {@code q} becomes (API.md "Cases (query side)").
 *
 * <p>Text is folded (Vietnamese diacritics and case ignored, as the database's {@code casework_fold}) and cut into
 * words at every character that is not a letter or a digit. A case is found by each word ({@link #WORDS}) and each
 * pair of neighbouring words ({@code ~nguyen_van}, {@link #PAIRS}); a search matches when its words appear in that
 * order, next to each other, the last one possibly only begun ("nguyen va" finds "Nguyễn Văn An"). Pairs make a name of several words an exact
 * entry of the index: no candidate is read only to be refused, as a trigram index's were ("Nguyễn … Văn" apart).
 */
public final class SearchWords {

    static final String ACCENTED = "àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ"
            + "ÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ";
    static final String PLAIN = "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd"
            + "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd";
    /**
     * Each character up to the last accented one mapped to its plain letter (itself when it has none): a look-up per
     * character, where a search of {@link #ACCENTED} scanned it whole for every unaccented one (a rebuild folds every
     * case's text: docs/BENCHMARKS.md, "Rebuilds, fifth round").
     */
    private static final char[] PLAIN_OF = plainOf();
    /**
     * The column of a case's single words, and of its provinces' (V18), in a GIN index of its own: a search of one word
     * is matched here.
     */
    static final String WORDS = "search_words";
    /**
     * The column of a case's pairs of neighbouring words, and of its provinces' again, in a GIN index of its own: a
     * search of several words is matched here. Two columns make two indexes of about half the entries each, which a
     * rebuild builds side by side on its two backends, where the one index of both was one backend's work, the longest
     * step after the replay (V21; docs/BENCHMARKS.md, "Rebuilds, eleventh round").
     */
    static final String PAIRS = "search_pairs";
    /** A longer word is cut to this many characters, on both sides: PostgreSQL refuses lexemes over 2,046 bytes. */
    static final int MAX_WORD = 100;

    private SearchWords() {
    }

    /** Folded as {@code casework_fold}: NFC, Vietnamese letters without their marks, lower case. */
    public static String fold(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder folded = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); i++) {
            char c = composed.charAt(i);
            folded.append(c < PLAIN_OF.length ? PLAIN_OF[c] : c);
        }
        return folded.toString().toLowerCase(Locale.ROOT);
    }

    private static char[] plainOf() {
        char last = 0;
        for (int i = 0; i < ACCENTED.length(); i++) {
            last = (char) Math.max(last, ACCENTED.charAt(i));
        }
        char[] plain = new char[last + 1];
        for (char c = 0; c <= last; c++) {
            plain[c] = c;
        }
        for (int i = 0; i < ACCENTED.length(); i++) {
            plain[ACCENTED.charAt(i)] = PLAIN.charAt(i);
        }
        return plain;
    }

    /** The folded words of a text, in order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        String folded = fold(text);
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean inWord = i < folded.length() && Character.isLetterOrDigit(folded.codePointAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                String word = folded.substring(start, i);
                words.add(word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word);
                start = -1;
            }
            if (i < folded.length() && Character.isSupplementaryCodePoint(folded.codePointAt(i))) {
                i++;
            }
        }
        return words;
    }

    /**
     * The lexemes of a case's search vector, separated by spaces (the database makes them a {@code tsvector} with
     * {@code array_to_tsvector(string_to_array(…, ' '))}): every word and every pair of neighbouring words.
     */
    public static String vector(String text) {
        return vector(words(text));
    }

    /** {@link #vector(String)} of a text's {@link #words}. */
    static String vector(List<String> words) {
        Set<String> lexemes = new LinkedHashSet<>(words);
        lexemes.addAll(pairs(words));
        return String.join(" ", lexemes);
    }

    /** The lexemes of a case's {@link #WORDS} (before its provinces'): each word once, separated by spaces. */
    static String singleWords(List<String> words) {
        return String.join(" ", new LinkedHashSet<>(words));
    }

    /** The lexemes of a case's {@link #PAIRS} (before its provinces'): each pair of neighbouring words once. */
    static String wordPairs(List<String> words) {
        return String.join(" ", pairs(words));
    }

    private static Set<String> pairs(List<String> words) {
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            pairs.add(pair(words.get(i), words.get(i + 1)));
        }
        return pairs;
    }

    /**
     * The column of {@code case_view} a search's {@link #query} is matched in: {@link #PAIRS} for a query of several
     * words (its terms are pairs), {@link #WORDS} for one word.
     */
    static String column(String q) {
        return words(q).size() > 1 ? PAIRS : WORDS;
    }

    /**
     * The {@code tsquery} a search matches with, in PostgreSQL's input syntax; null when {@code q} holds no word. One
     * word is a prefix ({@code 'hung':*}); several are their neighbouring pairs, the last a prefix
     * ({@code '~giao_dat' & '~dat_cong':*}).
     */
    static String query(String q) {
        List<String> words = words(q);
        if (words.isEmpty()) {
            return null;
        }
        if (words.size() == 1) {
            return "'" + words.get(0) + "':*";
        }
        List<String> terms = new ArrayList<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            terms.add("'" + pair(words.get(i), words.get(i + 1)) + "'" + (i + 2 == words.size() ? ":*" : ""));
        }
        return String.join(" & ", terms);
    }

    private static String pair(String first, String second) {
        return "~" + first + "_" + second;
    }
}
