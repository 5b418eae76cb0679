package vn.ubkt.casework.query.forms;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ubkt.casework.events.committees.CommitteeLevel;
import vn.ubkt.casework.query.committeetree.CommitteeTree;
import vn.ubkt.casework.query.committeetree.Scope;
import vn.ubkt.casework.query.committeetree.TreeSnapshot;
import vn.ubkt.casework.query.platform.NotFoundException;
import vn.ubkt.casework.query.statistics.Fact;
import vn.ubkt.casework.query.statistics.FactAttribute;
import vn.ubkt.casework.query.statistics.FactsQuery;
import vn.ubkt.casework.query.statistics.Perspective;
import vn.ubkt.casework.query.statistics.StatisticsQuery;

/**
 * Computes the forms of a committee for a period: each cell counts (or sums) the facts its row and column select, so
 * the cases behind a cell are the same facts listed ({@link #cell}); then checks every "of which" against its parent,
 * and the forms against the statistics API's totals for the same committee, period, scope and perspective.
 */
@Component
class FormsQuery {

    private final FormDefinitions definitions;
    private final FactsQuery facts;
    private final StatisticsQuery statistics;
    private final CommitteeTree tree;
    private final JsonMapper json;
    private final Environment environment;

    FormsQuery(FormDefinitions definitions, FactsQuery facts, StatisticsQuery statistics, CommitteeTree tree,
               JsonMapper json, Environment environment) {
        this.definitions = definitions;
        this.facts = facts;
        this.statistics = statistics;
        this.tree = tree;
        this.json = json;
        this.environment = environment;
    }

    record ColumnView(int n, List<String> header, boolean kept, String notKept, Integer of, String certainty) {
    }

    /** A row's cells by column number; a column the product does not fill is null, never zero. */
    record RowView(String key, String number, String label, boolean group, Map<String, Long> cells) {
    }

    record FormView(String code, String title, String unit, Perspective perspective, String rowHeader,
                    List<ColumnView> columns, List<RowView> rows, String note) {
    }

    /** One check: a figure against the limit it must not pass (or must equal). */
    record CheckView(String kind, String name, String form, String row, Integer column, long value, String relation,
                     long limit, String against, boolean ok) {
    }

    record FormsView(String committeeId, String committeeName, String period, String periodLabel,
                     java.time.LocalDate from, java.time.LocalDate to, Scope scope, String definitionsVersion,
                     List<FormView> forms, List<CheckView> checks, boolean consistent) {
    }

    FormPeriod period(String code) {
        return FormPeriod.parse(code, term -> environment.getProperty("casework.forms.terms." + term));
    }

    List<FormDefinitions.Form> select(String codes) {
        if (codes == null || codes.isBlank()) {
            return definitions.forms();
        }
        List<FormDefinitions.Form> selected = new ArrayList<>();
        for (String code : codes.split(",")) {
            FormDefinitions.Form form = definitions.form(code.strip());
            if (form == null) {
                throw new NotFoundException("form", code.strip());
            }
            if (!selected.contains(form)) {
                selected.add(form);
            }
        }
        return selected;
    }

    static Perspective perspectiveOf(FormDefinitions.Form form, Perspective asked) {
        return asked != null ? asked : form.perspective() != null ? form.perspective() : Perspective.ACTOR;
    }

    FormsView compute(String committeeId, FormPeriod period, Scope scope, Perspective asked, List<FormDefinitions.Form> forms) {
        TreeSnapshot snapshot = tree.snapshot();
        Map<Perspective, List<Fact>> read = new HashMap<>();
        Map<Perspective, JsonNode> totals = new HashMap<>();
        List<FormView> views = new ArrayList<>();
        List<CheckView> checks = new ArrayList<>();
        Map<String, FormView> byCode = new LinkedHashMap<>();
        for (FormDefinitions.Form form : forms) {
            Perspective perspective = perspectiveOf(form, asked);
            List<Fact> all = read.computeIfAbsent(perspective, p -> facts.facts(committeeId, period.from(), period.to(),
                    scope, p, EnumSet.allOf(Fact.Step.class)));
            FormView view = form(form, perspective, all, snapshot);
            views.add(view);
            byCode.put(form.code(), view);
            checks.addAll(inside(form, view));
            JsonNode total = totals.computeIfAbsent(perspective, p -> statisticsOf(committeeId, period, scope, p));
            for (FormDefinitions.Column column : form.columns()) {
                if (column.statistic() != null && column.kept()) {
                    long value = view.rows().get(0).cells().get(String.valueOf(column.n()));
                    long limit = total.at(column.statistic()).asLong();
                    checks.add(new CheckView("STATISTIC", "biểu " + form.code() + ", cột " + column.n() + " = "
                            + column.statistic(), form.code(), form.whole().key(), column.n(), value, "equal", limit,
                            column.statistic(), value == limit));
                }
            }
        }
        for (FormDefinitions.CrossCheck check : definitions.checks()) {
            if (!check.cells().stream().allMatch(cell -> byCode.containsKey(cell.form()))) {
                continue;
            }
            long value = 0;
            for (FormDefinitions.CellRef cell : check.cells()) {
                Long figure = byCode.get(cell.form()).rows().stream().filter(r -> r.key().equals(cell.row())).findFirst()
                        .orElseThrow().cells().get(String.valueOf(cell.column()));
                value += figure == null ? 0 : figure;
            }
            Perspective perspective = perspectiveOf(definitions.form(check.cells().get(0).form()), asked);
            JsonNode total = totals.computeIfAbsent(perspective, p -> statisticsOf(committeeId, period, scope, p));
            long limit = total.at(check.statistic()).asLong();
            boolean ok = check.relation().equals("equal") ? value == limit : value <= limit;
            checks.add(new CheckView("ACROSS_FORMS", check.name(), null, null, null, value, check.relation(), limit,
                    check.statistic(), ok));
        }
        return new FormsView(committeeId, snapshot.name(committeeId), period.code(), period.label(), period.from(),
                period.to(), scope, definitions.version(), views, checks, checks.stream().allMatch(CheckView::ok));
    }

    private JsonNode statisticsOf(String committeeId, FormPeriod period, Scope scope, Perspective perspective) {
        return json.valueToTree(statistics.statistics(committeeId, period.from(), period.to(), scope, perspective));
    }

    private FormView form(FormDefinitions.Form form, Perspective perspective, List<Fact> all, TreeSnapshot snapshot) {
        List<ColumnView> columns = form.columns().stream().map(c -> new ColumnView(c.n(), c.header(), c.kept(),
                c.notKept(), c.of(), c.certainty())).toList();
        List<RowView> rows = new ArrayList<>();
        int groups = 0;
        int inGroup = 0;
        for (FormDefinitions.Row row : form.rows()) {
            String number;
            if (row.grouped()) {
                number = roman(++groups);
                inGroup = 0;
            } else {
                number = String.valueOf(++inGroup);
            }
            Map<String, Long> cells = new LinkedHashMap<>();
            for (FormDefinitions.Column column : form.columns()) {
                cells.put(String.valueOf(column.n()), column.kept() ? figure(form, row, column, all, snapshot) : null);
            }
            rows.add(new RowView(row.key(), number, row.label(), row.grouped(), cells));
        }
        return new FormView(form.code(), form.title(), form.unit(), perspective, form.rowHeader(), columns, rows, form.note());
    }

    /** Each "of which" column within its parent, each "of which" row within its parent, cell by cell. */
    private static List<CheckView> inside(FormDefinitions.Form form, FormView view) {
        List<CheckView> checks = new ArrayList<>();
        Map<String, RowView> rows = new HashMap<>();
        view.rows().forEach(r -> rows.put(r.key(), r));
        for (FormDefinitions.Row row : form.rows()) {
            RowView cells = rows.get(row.key());
            for (FormDefinitions.Column column : form.columns()) {
                Long value = cells.cells().get(String.valueOf(column.n()));
                if (value == null) {
                    continue;
                }
                if (column.of() != null) {
                    Long parent = cells.cells().get(String.valueOf(column.of()));
                    if (parent != null) {
                        checks.add(new CheckView("COLUMN_OF", "biểu " + form.code() + ", dòng " + row.key() + ": cột "
                                + column.n() + " ≤ cột " + column.of(), form.code(), row.key(), column.n(), value, "atMost",
                                parent, "column " + column.of(), value <= parent));
                    }
                }
                if (row.of() != null) {
                    Long parent = rows.get(row.of()).cells().get(String.valueOf(column.n()));
                    if (parent != null) {
                        checks.add(new CheckView("ROW_OF", "biểu " + form.code() + ", cột " + column.n() + ": dòng "
                                + row.key() + " ≤ dòng " + row.of(), form.code(), row.key(), column.n(), value, "atMost",
                                parent, "row " + row.of(), value <= parent));
                    }
                }
            }
        }
        return checks;
    }

    /** The facts a cell counts: those of the form's period and scope its column and row select. */
    List<Fact> cell(FormDefinitions.Form form, FormDefinitions.Row row, FormDefinitions.Column column, List<Fact> all,
                    TreeSnapshot snapshot) {
        Fact.Step step = Fact.Step.valueOf(column.step() != null ? column.step() : form.counts().step());
        Map<String, List<String>> where = new LinkedHashMap<>();
        if (form.counts().where() != null) {
            where.putAll(form.counts().where());
        }
        if (column.where() != null) {
            where.putAll(column.where());
        }
        Map<String, List<String>> rowWhere = row.where() == null ? Map.of() : row.where();
        List<Fact> selected = new ArrayList<>();
        for (Fact fact : all) {
            if (fact.step() == step && matches(fact, where, snapshot) && matches(fact, rowWhere, snapshot)) {
                selected.add(fact);
            }
        }
        return selected;
    }

    private long figure(FormDefinitions.Form form, FormDefinitions.Row row, FormDefinitions.Column column, List<Fact> all,
                        TreeSnapshot snapshot) {
        List<Fact> selected = cell(form, row, column, all, snapshot);
        if (column.sum() == null) {
            return selected.size();
        }
        return selected.stream().map(f -> f.attributes().get(column.sum())).filter(Number.class::isInstance)
                .mapToLong(v -> ((Number) v).longValue()).sum();
    }

    /** The facts of a cell of a computed period, for its drill-down. */
    List<Fact> cell(String committeeId, FormPeriod period, Scope scope, Perspective asked, FormDefinitions.Form form,
                    FormDefinitions.Row row, FormDefinitions.Column column) {
        Perspective perspective = perspectiveOf(form, asked);
        List<Fact> all = facts.facts(committeeId, period.from(), period.to(), scope, perspective,
                EnumSet.allOf(Fact.Step.class));
        return cell(form, row, column, all, tree.snapshot());
    }

    private static boolean matches(Fact fact, Map<String, List<String>> where, TreeSnapshot snapshot) {
        for (Map.Entry<String, List<String>> condition : where.entrySet()) {
            FactAttribute attribute = FactAttribute.byKey(condition.getKey());
            Object value = attribute.derived() ? derived(fact, attribute, snapshot) : fact.attributes().get(attribute.key());
            if (!matches(value, condition.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Object value, List<String> wanted) {
        if (value == null) {
            return false;
        }
        if (value instanceof java.util.Collection<?> values) {
            return values.stream().anyMatch(v -> wanted.contains(String.valueOf(v)));
        }
        return wanted.contains(String.valueOf(value));
    }

    private static Object derived(Fact fact, FactAttribute attribute, TreeSnapshot snapshot) {
        return switch (attribute) {
            case ACTOR_KIND -> snapshot.node(fact.actorId()).map(n -> n.kind().name()).orElse(null);
            case ACTOR_LEVEL -> snapshot.node(fact.actorId()).map(n -> n.level().name()).orElse(null);
            case SUBJECT_LEVEL -> snapshot.node(fact.subjectOrgId()).map(n -> n.level().name()).orElse(null);
            case MANAGING_LEVEL -> snapshot.node((String) fact.attributes().get("managedBy"))
                    .map(n -> n.level().name()).orElse(null);
            case COMMITTEE_MEMBER_LEVEL -> {
                Object sits = fact.attributes().get("committeeMemberOf");
                if (!(sits instanceof java.util.Collection<?> committees)) {
                    yield null;
                }
                // a member sitting on several committees counts at the highest of them
                yield committees.stream().map(c -> snapshot.node(String.valueOf(c)))
                        .flatMap(java.util.Optional::stream).map(TreeSnapshot.Node::level)
                        .min(java.util.Comparator.comparingInt(CommitteeLevel::ordinal)).map(Enum::name).orElse(null);
            }
            default -> throw new IllegalArgumentException(attribute + " is not derived");
        };
    }

    static String roman(int n) {
        String[] numerals = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        StringBuilder roman = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            while (n >= values[i]) {
                roman.append(numerals[i]);
                n -= values[i];
            }
        }
        return roman.toString();
    }
}
