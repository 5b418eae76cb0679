package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.ubkt.casework.command.CommandSideApplication;
import vn.ubkt.casework.query.QuerySideApplication;

@DisplayName("The command side and the query side share nothing but the database")
class TwoSidesIT {

    @Test
    @DisplayName("a committee written through the command side's process is read through the query side's")
    void writtenByOneReadByTheOther() {
        String database = TestDatabase.newDatabase();
        try (RunningApp command = RunningApp.startOn(database, CommandSideApplication.application()).withTester(true);
             RunningApp query = RunningApp.startOn(database, QuerySideApplication.application())) {
            assertThat(command.context).isNotSameAs(query.context);
            assertThat(command.context.getBeanNamesForType(
                    Class.forName("vn.ubkt.casework.query.committeetree.CommitteeTreeProjection"))).isEmpty();
            assertThat(query.context.getBeanNamesForType(
                    Class.forName("vn.ubkt.casework.command.committees.CommitteeCommandHandler"))).isEmpty();

            Http.Response created = command.http.post("/api/committees", """
                    {"id": "TU-SPLIT", "name": "Tỉnh ủy Cà Mau", "kind": "PARTY_COMMITTEE", "level": "PROVINCIAL"}""");
            assertThat(created.status()).isEqualTo(201);
            // the command side serves no reads of its own
            assertThat(command.http.get("/api/committees").status()).isIn(404, 405);

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                Http.Response read = query.http.get("/api/committees/TU-SPLIT");
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.json().get("name").asString()).isEqualTo("Tỉnh ủy Cà Mau");
            });
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
