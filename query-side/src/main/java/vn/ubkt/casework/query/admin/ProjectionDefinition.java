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
 * <p>{@code replayedByAggregate}: the type of aggregate whose events alone make the read model, each aggregate's rows
 * from its own events, and whose handler ignores an event of a sequence it already holds. A rebuild's first pass then
 * reads that type's events aggregate by aggregate instead of in the order of the log: in a real log a case's steps lie
 * weeks apart, so a batch in the log's order holds one event of each of two thousand cases, and every event cost a
 * case's document read, folded and written again (docs/BENCHMARKS.md, "Rebuilds, third round"). Null: in the log's
 * order, as every projection that reads the tree or counts across aggregates must be.
 */
public record ProjectionDefinition(String name, List<String> tables, Function<JdbcClient, Object> newHandler,
                                   Map<String, List<String>> unkeyedWhileReplayed, String replayedByAggregate) {

    public ProjectionDefinition {
        if (!tables.containsAll(unkeyedWhileReplayed.keySet())) {
            throw new IllegalArgumentException("tables unkeyed while replayed must be tables of " + name);
        }
        if (replayedByAggregate != null && !unkeyedWhileReplayed.isEmpty()) {
            // an unkeyed table's first pass must meet each event exactly once; a pass by aggregate may meet an event
            // of the last moments again in the pass after it
            throw new IllegalArgumentException(name + " cannot be both replayed by aggregate and unkeyed while replayed");
        }
    }

    public ProjectionDefinition(String name, List<String> tables, Function<JdbcClient, Object> newHandler) {
        this(name, tables, newHandler, Map.of(), null);
    }

    public ProjectionDefinition(String name, List<String> tables, Function<JdbcClient, Object> newHandler,
                                Map<String, List<String>> unkeyedWhileReplayed) {
        this(name, tables, newHandler, unkeyedWhileReplayed, null);
    }

    /** This definition, its rebuild's first pass reading the events of one type of aggregate, aggregate by aggregate. */
    public ProjectionDefinition replayedByAggregate(String aggregateType) {
        return new ProjectionDefinition(name, tables, newHandler, unkeyedWhileReplayed, aggregateType);
    }
}
