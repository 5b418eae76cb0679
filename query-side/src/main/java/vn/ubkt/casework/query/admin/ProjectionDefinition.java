package vn.ubkt.casework.query.admin;

import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read model as the admin knows it: the processor that feeds it, the tables it owns, and how to make a
 * fresh handler writing through a given connection (a rebuild writes into tables beside the live ones).
 */
public record ProjectionDefinition(String name, List<String> tables, Function<JdbcClient, Object> newHandler) {
}
