package vn.ubkt.casework.query.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.query.statistics.Fact;
import vn.ubkt.casework.query.statistics.FactAttribute;
import vn.ubkt.casework.query.statistics.Perspective;

/**
 * The statistical forms in force, as versioned data like the rulebook: the 357-era forms shipped in
 * {@code forms/forms-357.json}, or a deployment's own file at {@code casework.forms.location} (the 885 workbook's
 * layout). Checked at start: a definition that names an unknown step, fact or value, a column numbered twice or an
 * "of which" pointing nowhere stops the application with a message naming the form and the column.
 */
@Component
public class FormDefinitions {

    private static final Logger log = LoggerFactory.getLogger(FormDefinitions.class);

    /** The facts a figure counts: a step and the values its facts must have (each listed attribute, any value). */
    public record Selection(String step, Map<String, List<String>> where) {
    }

    /**
     * A data column: its header path from the top level down, the facts it counts (the form's selection, its own
     * {@code step} and {@code where} replacing the form's), or the amount it sums; the column it is "of which";
     * {@code notKept} when the product does not record what it counts (left empty and marked, never zero);
     * {@code statistic}, the statistics API figure its whole-scope row must equal.
     */
    public record Column(int n, List<String> header, String step, Map<String, List<String>> where, String sum,
                         Integer of, String notKept, String statistic, String certainty) {

        public boolean kept() {
            return notKept == null;
        }
    }

    /** A row: a group row (numbered I, II, … in bold) or a row inside the last group; {@code of}: its parent row. */
    public record Row(String key, String label, Boolean group, Map<String, List<String>> where, String of) {

        public boolean grouped() {
            return Boolean.TRUE.equals(group);
        }
    }

    public record Form(String code, String title, String unit, Perspective perspective, String rowHeader,
                       Selection counts, List<Row> rows, List<Column> columns, String note) {

        public Column column(int n) {
            return columns.stream().filter(c -> c.n() == n).findFirst().orElse(null);
        }

        public Row row(String key) {
            return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
        }

        /** The first row, the whole scope when it selects nothing more (a column's statistic is compared on it). */
        public Row whole() {
            return rows.get(0);
        }
    }

    /** A check across forms: the sum of some cells against a figure of the statistics API. */
    public record CellRef(String form, String row, int column) {
    }

    public record CrossCheck(String name, List<CellRef> cells, String relation, String statistic) {
    }

    public record Definitions(String version, String regime, String source, List<Form> forms, List<CrossCheck> checks) {
    }

    private final Definitions definitions;
    private final Map<String, Form> byCode = new LinkedHashMap<>();

    FormDefinitions(@Value("${casework.forms.location:classpath:forms/forms-357.json}") Resource location) throws IOException {
        this.definitions = load(location);
        definitions.forms().forEach(form -> byCode.put(form.code(), form));
        log.info("Statistical forms {} loaded: version {}, {} forms", location.getDescription(), definitions.version(),
                definitions.forms().size());
    }

    /** Reads and checks a definition file; every problem is an {@link IllegalStateException} naming form and column. */
    static Definitions load(Resource location) throws IOException {
        Definitions read;
        try (InputStream in = location.getInputStream()) {
            read = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, Definitions.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("The form definitions " + location.getDescription() + " are not readable: "
                    + e.getOriginalMessage());
        }
        List<String> problems = problems(read);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The form definitions " + location.getDescription() + " are refused: "
                    + String.join("; ", problems));
        }
        return read;
    }

    static List<String> problems(Definitions definitions) {
        List<String> problems = new ArrayList<>();
        if (definitions.version() == null || definitions.version().isBlank()) {
            problems.add("the file has no version");
        }
        if (definitions.forms() == null || definitions.forms().isEmpty()) {
            problems.add("the file defines no form");
            return problems;
        }
        Set<String> codes = new HashSet<>();
        for (Form form : definitions.forms()) {
            String where = "form " + form.code();
            if (form.code() == null || form.code().isBlank() || !form.code().matches("[A-Za-z0-9._-]{1,20}")) {
                problems.add("a form has no code, or a code other than 1–20 letters, digits, '.', '_' or '-' (" + form.title() + ")");
                continue;
            }
            if (!codes.add(form.code())) {
                problems.add(where + ": defined twice");
            }
            if (form.title() == null || form.title().isBlank()) {
                problems.add(where + ": has no title");
            }
            if (form.unit() == null || form.unit().isBlank()) {
                problems.add(where + ": has no unit");
            }
            if (form.counts() == null) {
                problems.add(where + ": says nothing of what it counts (counts)");
            } else {
                selection(problems, where + ", counts", form.counts().step(), form.counts().where(), true);
            }
            if (form.rows() == null || form.rows().isEmpty()) {
                problems.add(where + ": has no row");
            } else {
                Set<String> keys = new HashSet<>();
                for (Row row : form.rows()) {
                    String at = where + ", row " + row.key();
                    if (row.key() == null || row.key().isBlank() || row.label() == null || row.label().isBlank()) {
                        problems.add(where + ": a row has no key or no label");
                        continue;
                    }
                    if (!keys.add(row.key())) {
                        problems.add(at + ": defined twice");
                    }
                    if (row.of() != null && !keys.contains(row.of())) {
                        problems.add(at + ": is \"of which\" of row " + row.of() + ", which is not a row above it");
                    }
                    selection(problems, at, null, row.where(), false);
                }
            }
            if (form.columns() == null || form.columns().isEmpty()) {
                problems.add(where + ": has no column");
                continue;
            }
            Set<Integer> numbers = new HashSet<>();
            int expected = 1;
            for (Column column : form.columns()) {
                String at = where + ", column " + column.n()
                        + (column.header() == null || column.header().isEmpty() ? "" : " (" + String.join(" / ", column.header()) + ")");
                if (!numbers.add(column.n())) {
                    problems.add(at + ": numbered twice");
                }
                if (column.n() != expected++) {
                    problems.add(at + ": columns are numbered 1, 2, 3… in order");
                }
                if (column.header() == null || column.header().isEmpty()
                        || column.header().stream().anyMatch(h -> h == null || h.isBlank())) {
                    problems.add(at + ": has no header, or an empty level in it");
                }
                if (column.of() != null && !numbers.contains(column.of())) {
                    problems.add(at + ": is \"of which\" of column " + column.of() + ", which is not a column before it");
                }
                if (column.notKept() != null) {
                    if (column.where() != null || column.step() != null || column.sum() != null) {
                        problems.add(at + ": is marked not kept and still says what it counts");
                    }
                    continue;
                }
                selection(problems, at, column.step(), column.where(), false);
                if (column.sum() != null) {
                    FactAttribute amount = FactAttribute.byKey(column.sum());
                    if (amount == null || !amount.amount()) {
                        problems.add(at + ": sums '" + column.sum() + "', which is not an amount the product keeps "
                                + "(amountInViolation, amountRecovered)");
                    }
                }
                if (column.statistic() != null && !column.statistic().startsWith("/")) {
                    problems.add(at + ": statistic '" + column.statistic() + "' is not a JSON pointer into the statistics answer");
                }
            }
        }
        if (definitions.checks() != null) {
            for (CrossCheck check : definitions.checks()) {
                String at = "check \"" + check.name() + "\"";
                if (!"atMost".equals(check.relation()) && !"equal".equals(check.relation())) {
                    problems.add(at + ": relation is atMost or equal, not " + check.relation());
                }
                if (check.statistic() == null || !check.statistic().startsWith("/")) {
                    problems.add(at + ": statistic is a JSON pointer into the statistics answer");
                }
                for (CellRef cell : check.cells() == null ? List.<CellRef>of() : check.cells()) {
                    Form form = definitions.forms().stream().filter(f -> f.code().equals(cell.form())).findFirst().orElse(null);
                    if (form == null || form.row(cell.row()) == null || form.column(cell.column()) == null) {
                        problems.add(at + ": names form " + cell.form() + ", row " + cell.row() + ", column " + cell.column()
                                + ", which is not defined");
                    }
                }
            }
        }
        return problems;
    }

    private static void selection(List<String> problems, String at, String step, Map<String, List<String>> where,
                                  boolean stepRequired) {
        if (step == null && stepRequired) {
            problems.add(at + ": names no step");
        }
        if (step != null && java.util.Arrays.stream(Fact.Step.values()).noneMatch(s -> s.name().equals(step))) {
            problems.add(at + ": unknown step '" + step + "'; one of " + java.util.Arrays.toString(Fact.Step.values()));
        }
        if (where == null) {
            return;
        }
        where.forEach((key, values) -> {
            FactAttribute attribute = FactAttribute.byKey(key);
            if (attribute == null || attribute.amount()) {
                problems.add(at + ": unknown fact '" + key + "'; one of " + java.util.Arrays.stream(FactAttribute.values())
                        .filter(a -> !a.amount()).map(FactAttribute::key).toList());
                return;
            }
            if (values == null || values.isEmpty()) {
                problems.add(at + ": " + key + " lists no value");
                return;
            }
            for (String value : values) {
                if (!attribute.allowed().contains(value)) {
                    problems.add(at + ": unknown value '" + value + "' of " + key + "; one of " + attribute.allowed());
                }
            }
        });
    }

    public String version() {
        return definitions.version();
    }

    public Definitions definitions() {
        return definitions;
    }

    public List<Form> forms() {
        return definitions.forms();
    }

    public Form form(String code) {
        return byCode.get(code);
    }

    public List<CrossCheck> checks() {
        return definitions.checks() == null ? List.of() : definitions.checks();
    }
}
