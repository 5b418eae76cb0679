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
 */
public record ProjectionDefinition(String name, List<String> tables, Function<JdbcClient, Object> newHandler,
                                   Map<String, List<String>> unkeyedWhileReplayed) {

    public ProjectionDefinition {
        if (!tables.containsAll(unkeyedWhileReplayed.keySet())) {
            throw new IllegalArgumentException("tables unkeyed while replayed must be tables of " + name);
        }
    }

    public ProjectionDefinition(String name, List<String> tables, Function<JdbcClient, Object> newHandler) {
        this(name, tables, newHandler, Map.of());
    }
}
