package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import vn.ubkt.casework.query.platform.PlannedEachTime;

@DisplayName("A search's statements are planned with their values each time, never prepared by name for a generic plan")
class PlannedEachTimeIT {

    @Test
    @DisplayName("ten runs of one statement leave no named prepared statement on the connection; a plain client's do")
    void neverPreparedByName() throws SQLException {
        String url = TestDatabase.newDatabase();
        try (Connection connection = TestDatabase.dataSource(url).getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(connection, true);
            JdbcClient planned = PlannedEachTime.client(one);
            JdbcClient plain = JdbcClient.create(one);
            String statement = "select count(*) from pg_class where relname like :pattern";
            for (int i = 0; i < 10; i++) {
                planned.sql(statement).param("pattern", "pg_%").query(Long.class).single();
            }
            assertThat(prepared(plain, statement)).isZero();
            // the driver's default, on the same connection: named from the fifth run on, open to a generic plan
            for (int i = 0; i < 10; i++) {
                plain.sql(statement).param("pattern", "pg_%").query(Long.class).single();
            }
            assertThat(prepared(plain, statement)).isEqualTo(1);
        }
    }

    private static long prepared(JdbcClient jdbc, String statement) {
        return jdbc.sql("select count(*) from pg_prepared_statements where statement like :text")
                .param("text", "select count(*) from pg_class where relname like $1%").query(Long.class).single();
    }
}
