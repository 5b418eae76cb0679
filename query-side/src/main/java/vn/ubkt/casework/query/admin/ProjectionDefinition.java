package vn.ubkt.casework.query.admin;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read model as the admin knows it: the processor that feeds it, the tables it owns, and how to make a
 * fresh handler writing through a given connection (a rebuild writes into tables beside the live ones).
 *
 * <p>{@code unkeyedWhileReplayed}: tables whose primary key a rebuild drops while its first pass fills them (each event
 * is then handled exactly once, into empty copies), and sets again after, each with the columns then summed over the
 * rows of one key (none: the first pass writes each key once). Their handler writes them without looking for the key
 * when {@link vn.ubkt.casework.query.platform.EventBatch#firstPass()} says so: in the statistics' rebuild the
 * counters' upsert was the costliest statement, about 9 µs a row against 1.5 µs for a plain insert into a table
 * with no key (docs/BENCHMARKS.md, "Rebuilds").
 *
 * <p>{@code replayedByAggregate}: the types of aggregate whose events alone make the read model, each aggregate's rows
 * from its own events (and counters, which are sums, whatever order their increments come in), and whose handler
 * ignores an event it already holds once the first pass is over. A rebuild's first pass then reads those types'
 * events aggregate by aggregate instead of in the order of the log: in a real log a case's steps lie weeks apart, so
 * a batch in the log's order holds one event of each of two thousand cases, and every event cost its case's state
 * read and written again (docs/BENCHMARKS.md, "Rebuilds, third round"). The pass reads one snapshot of the store, each
 * of its events once. Empty: in the log's order, as every projection that reads the tree must be.
 *
 * <p>{@code comparedAs}: per table, the columns a rebuild compares otherwise than as they are, each with the expression
 * compared in its place (a column that holds something that follows other than the events, such as the tree as this
 * side held it when a row was written, which a rebuild reads as it stands: compared without it). Every other column
 * is compared as it is.
 */
public record ProjectionDefinition(String name, List<String> tables, Function<JdbcClient, Object> newHandler,
                                   Map<String, List<String>> unkeyedWhileReplayed, List<String> replayedByAggregate,
                                   Map<String, Map<String, String>> comparedAs) {

    public ProjectionDefinition {
        if (!tables.containsAll(unkeyedWhileReplayed.keySet())) {
            throw new IllegalArgumentException("tables unkeyed while replayed must be tables of " + name);
        }
        if (!tables.containsAll(comparedAs.keySet())) {
            throw new IllegalArgumentException("tables compared otherwise must be tables of " + name);
        }
        replayedByAggregate = List.copyOf(replayedByAggregate);
        comparedAs = Map.copyOf(comparedAs);
    }

    public ProjectionDefinition(String name, List<String> tables, Function<JdbcClient, Object> newHandler) {
        this(name, tables, newHandler, Map.of(), List.of(), Map.of());
    }

    public ProjectionDefinition(String name, List<String> tables, Function<JdbcClient, Object> newHandler,
                                Map<String, List<String>> unkeyedWhileReplayed) {
        this(name, tables, newHandler, unkeyedWhileReplayed, List.of(), Map.of());
    }

    /** This definition, its rebuild's first pass reading these types of aggregate's events, aggregate by aggregate. */
    public ProjectionDefinition replayedByAggregate(String... aggregateTypes) {
        if (aggregateTypes.length == 0) {
            throw new IllegalArgumentException(name + " is replayed by the aggregates of at least one type");
        }
        return new ProjectionDefinition(name, tables, newHandler, unkeyedWhileReplayed, List.of(aggregateTypes),
                comparedAs);
    }

    /** This definition, a rebuild comparing these columns of {@code table} as these expressions of the row. */
    public ProjectionDefinition comparing(String table, Map<String, String> columns) {
        Map<String, Map<String, String>> compared = new java.util.HashMap<>(comparedAs);
        compared.put(table, Map.copyOf(columns));
        return new ProjectionDefinition(name, tables, newHandler, unkeyedWhileReplayed, replayedByAggregate, compared);
    }
}
