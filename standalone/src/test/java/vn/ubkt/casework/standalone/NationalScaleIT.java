package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The national-scale benchmark (issue 11) at a small size, in every test run so it cannot rot: it fills a store,
 * measures every target and prints them; what is asserted here is that every figure was measured and that the
 * rebuilds agreed with the live tables, not the figures themselves (those are docs/BENCHMARKS.md's).
 */
@DisplayName("The national-scale benchmark runs at a small size and measures every target")
class NationalScaleIT {

    @Test
    @DisplayName("the rows the benchmark copies into the event store are the rows Axon itself writes")
    void copiedRowsAreAxonsRows() throws Exception {
        try (RunningApp app = RunningApp.start()) {
            NationalScale scale = new NationalScale(app, new NationalScale.Size(1, 1, 1, 1, 1));
            scale.publishTree();
            List<DomainEventMessage<?>> events = scale.oneCase(0);
            new TransactionTemplate(app.context.getBean(PlatformTransactionManager.class))
                    .executeWithoutResult(status -> app.context.getBean(EventStore.class).publish(events));
            for (DomainEventMessage<?> event : events) {
                NationalScale.Row expected = scale.row(event);
                NationalScale.Row stored = app.jdbc().sql("""
                                select event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp,
                                       aggregate_identifier, sequence_number, type
                                from domain_event_entry where event_identifier = :id""")
                        .param("id", event.getIdentifier())
                        .query((rs, n) -> new NationalScale.Row(rs.getString(1), rs.getBytes(2), rs.getBytes(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8),
                                rs.getString(9)))
                        .single();
                assertThat(stored.payload()).as(event.getPayloadType().getSimpleName()).isEqualTo(expected.payload());
                assertThat(stored.metaData()).isEqualTo(expected.metaData());
                assertThat(stored).usingRecursiveComparison().ignoringFields("payload", "metaData").isEqualTo(expected);
            }
        }
    }

    @Test
    @DisplayName("a small store: every target measured, every rebuild agreeing with the live tables")
    void smallRun() throws Exception {
        NationalScaleRun.Result result = NationalScaleRun.run(new NationalScale.Size(3, 2, 2, 2, 600), 2, 20, 0.5);
        assertThat(result.events()).isGreaterThan(600 * 5);
        assertThat(result.rebuilds()).containsKeys("case-detail", "statistics", "committee-tree", "complaints");
        assertThat(result.rebuilds().values()).allSatisfy(rebuild -> {
            assertThat(rebuild.get("status").asString()).isEqualTo("DONE");
            assertThat(rebuild.get("agreed").asBoolean()).isTrue();
        });
        assertThat(result.reads()).hasSize(7).allSatisfy((what, latencies) ->
                assertThat(latencies.count()).as(what).isPositive());
        assertThat(result.oneClient().commands()).isPositive();
        assertThat(result.eightClients().commands()).isPositive();
        assertThat(result.pgbenchTps()).isPositive();
        assertThat(result.lag().count()).isPositive();
        assertThat(result.figures()).hasSize(12);
    }
}
