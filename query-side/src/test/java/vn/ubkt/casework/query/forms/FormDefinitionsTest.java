package vn.ubkt.casework.query.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

class FormDefinitionsTest {

    @Test
    @DisplayName("the shipped 357-era definitions load without a problem")
    void shippedDefinitionsLoad() throws Exception {
        FormDefinitions definitions = new FormDefinitions(new ClassPathResource("forms/forms-357.json"));
        assertThat(definitions.version()).isEqualTo("357.2016.1");
        assertThat(definitions.forms()).extracting(FormDefinitions.Form::code)
                .containsExactly("1", "2", "5", "6", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "21");
        assertThat(FormDefinitions.problems(definitions.definitions())).isEmpty();
    }

    @Test
    @DisplayName("a deployment's file with an unknown value is refused at start, naming the form and the column")
    void badValueIsRefusedNamingFormAndColumn() {
        assertThatThrownBy(() -> new FormDefinitions(new ClassPathResource("forms/bad-column.json")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("form 13, column 8 (Cấp quyết định kỷ luật / Ủy ban kiểm tra cấp tỉnh)")
                .hasMessageContaining("unknown value 'PROVINCAL' of actorLevel");
    }

    @Test
    @DisplayName("unknown facts and steps, columns out of order, an \"of which\" pointing nowhere: each named")
    void everyProblemNamed() {
        String json = """
                {"version": "x", "forms": [{"code": "A1", "title": "T", "unit": "Đảng viên",
                  "counts": {"step": "DECIDED"},
                  "rows": [{"key": "I", "label": "Tổng số", "group": true, "where": {}},
                           {"key": "I.1", "label": "x", "of": "II"}],
                  "columns": [{"n": 1, "header": ["Tổng số"]},
                              {"n": 3, "header": ["B"], "where": {"colour": ["RED"]}, "of": 7},
                              {"n": 4, "header": ["C"], "notKept": "why", "where": {"form": ["WARNING"]}}]}]}""";
        assertThatThrownBy(() -> FormDefinitions.load(new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("form A1, counts: unknown step 'DECIDED'")
                .hasMessageContaining("form A1, row I.1: is \"of which\" of row II")
                .hasMessageContaining("form A1, column 3 (B): columns are numbered 1, 2, 3… in order")
                .hasMessageContaining("form A1, column 3 (B): unknown fact 'colour'")
                .hasMessageContaining("form A1, column 3 (B): is \"of which\" of column 7")
                .hasMessageContaining("form A1, column 4 (C): is marked not kept and still says what it counts");
    }

    @Test
    @DisplayName("periods as the regime names them; every one but the month runs from January")
    void periods() {
        Map<String, String> none = Map.of();
        assertThat(FormPeriod.parse("M:2019-03", none::get)).extracting(FormPeriod::from, FormPeriod::to)
                .containsExactly(java.time.LocalDate.parse("2019-03-01"), java.time.LocalDate.parse("2019-03-31"));
        for (String[] p : List.of(new String[] {"Q1:2019", "2019-03-31", "Quý I năm 2019"},
                new String[] {"H1:2019", "2019-06-30", "6 tháng đầu năm 2019"},
                new String[] {"9M:2019", "2019-09-30", "9 tháng năm 2019"},
                new String[] {"Y:2019", "2019-12-31", "Năm 2019"})) {
            FormPeriod period = FormPeriod.parse(p[0], none::get);
            assertThat(period.from()).isEqualTo("2019-01-01");
            assertThat(period.to()).isEqualTo(p[1]);
            assertThat(period.label()).isEqualTo(p[2]);
        }
        assertThat(FormPeriod.parse("TERM:2020-2025", none::get).to()).isEqualTo("2025-12-31");
        assertThat(FormPeriod.parse("TERM:2020-2025", Map.of("2020-2025", "2020-10-14..2025-10-10")::get).from())
                .isEqualTo("2020-10-14");
        assertThatThrownBy(() -> FormPeriod.parse("M:2019-13", none::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormPeriod.parse("2019", none::get)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FormPeriod.parse("TERM:2025-2020", none::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
