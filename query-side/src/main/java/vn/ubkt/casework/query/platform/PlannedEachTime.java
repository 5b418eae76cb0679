package vn.ubkt.casework.query.platform;

import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGStatement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Statements PostgreSQL plans with their values every time they run. The JDBC driver turns a statement it has run five
 * times on a connection into a named prepared statement, and PostgreSQL may then keep one generic plan for it, made
 * without the values. For a search that plan is a bet on how many cases a word matches and how many committees a
 * user sees: at a million cases it read a province's 98,000 candidate rows and compared each with 3,400 organizations
 * one by one, 6.8 s for {@code q=Đặng} where the plan made for the values took 0.14 s (docs/BENCHMARKS.md). Sent
 * unnamed ({@code prepareThreshold} 0), a statement is planned at each execution with its values: about a millisecond
 * for a search, up to 26 ms for one whose term names thousands of organizations (their list is in the statement).
 */
public final class PlannedEachTime {

    private PlannedEachTime() {
    }

    /** A client whose statements on {@code dataSource} are never prepared by name. */
    public static JdbcClient client(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource) {
            @Override
            protected void applyStatementSettings(Statement statement) throws SQLException {
                super.applyStatementSettings(statement);
                if (statement.isWrapperFor(PGStatement.class)) {
                    statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                }
            }
        };
        return JdbcClient.create(new NamedParameterJdbcTemplate(template));
    }
}
