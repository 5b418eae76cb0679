package vn.ubkt.casework.query.casedetail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A case's search words and a search's query")
class SearchWordsTest {

    @Test
    @DisplayName("text is folded as casework_fold folds it: Vietnamese marks and case ignored, other letters kept")
    void fold() {
        assertThat(SearchWords.fold("NGUYỄN Văn Đặng ĐẢNG ủy")).isEqualTo("nguyen van dang dang uy");
        // decomposed input (a combining mark after its letter) folds as the composed one
        assertThat(SearchWords.fold("Nguye\u0302\u0303n")).isEqualTo("nguyen");
        assertThat(SearchWords.fold("Çà Ñ")).isEqualTo("ça ñ");
    }

    @Test
    @DisplayName("words are cut at every character that is neither a letter nor a digit; a very long word is cut short")
    void words() {
        assertThat(SearchWords.words("Đ/c Nguyễn Văn An (DV-12), tổ 3.")).containsExactly("d", "c",
                "nguyen", "van", "an", "dv", "12", "to", "3");
        assertThat(SearchWords.words(" -- ")).isEmpty();
        assertThat(SearchWords.words("a".repeat(5000)).get(0)).hasSize(SearchWords.MAX_WORD);
    }

    @Test
    @DisplayName("a case's vector holds its words and each pair of neighbours, once each")
    void vector() {
        assertThat(Arrays.asList(SearchWords.vector("Nguyễn Văn An; Nguyễn Văn Bình").split(" ")))
                .containsExactly("nguyen", "van", "an", "binh", "~nguyen_van", "~van_an", "~an_nguyen", "~van_binh");
        assertThat(SearchWords.vector("")).isEmpty();
    }

    @Test
    @DisplayName("the words and the pairs apart, for their two columns, once each")
    void wordsAndPairsApart() {
        List<String> words = SearchWords.words("Nguyễn Văn An; Nguyễn Văn Bình");
        assertThat(SearchWords.singleWords(words)).isEqualTo("nguyen van an binh");
        assertThat(SearchWords.wordPairs(words)).isEqualTo("~nguyen_van ~van_an ~an_nguyen ~van_binh");
        assertThat(SearchWords.wordPairs(SearchWords.words("Hùng"))).isEmpty();
        assertThat(SearchWords.singleWords(List.of())).isEmpty();
    }

    @Test
    @DisplayName("a query of one word is matched in the words' column, of several in the pairs'")
    void column() {
        assertThat(SearchWords.column("Hùng")).isEqualTo(SearchWords.WORDS).isEqualTo("search_words");
        assertThat(SearchWords.column(" -- Hùng ,")).isEqualTo(SearchWords.WORDS);
        assertThat(SearchWords.column("nguyễn va")).isEqualTo(SearchWords.PAIRS).isEqualTo("search_pairs");
        assertThat(SearchWords.column("giao đất công")).isEqualTo(SearchWords.PAIRS);
    }

    @Test
    @DisplayName("one word is a prefix; several are their neighbouring pairs, the last a prefix; no word is no query")
    void query() {
        assertThat(SearchWords.query("Hùng")).isEqualTo("'hung':*");
        assertThat(SearchWords.query("nguyễn  VĂN")).isEqualTo("'~nguyen_van':*");
        assertThat(SearchWords.query("giao đất công")).isEqualTo("'~giao_dat' & '~dat_cong':*");
        // a quote, a backslash or an operator of tsquery's syntax is no word: nothing of q reaches it unquoted
        assertThat(SearchWords.query("o'neil & !x | y\\z")).isEqualTo("'~o_neil' & '~neil_x' & '~x_y' & '~y_z':*");
        assertThat(SearchWords.query("-- ''")).isNull();
    }
}
