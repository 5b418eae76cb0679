package vn.ubkt.casework.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The processors read the events after their token, and those in its gaps, through the storage engine
 * (BoundedReadAheadStorageEngine over Axon's JPA storage): the same events, in the same order, as the table holds
 * them, with each event's payload and metadata intact.
 */
@DisplayName("A processor reads the events after its token and in its gaps, as the event table holds them")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventStoreReadIT {

    private RunningApp app;
    private EventStorageEngine engine;
    /** The global indexes of the log, in order (a sequence's values, so not always consecutive). */
    private List<Long> log;

    @BeforeAll
    void start() {
        app = RunningApp.start();
        engine = app.context.getBean(EventStorageEngine.class);
        new CaseworkScenario(app).province("");
        log = app.jdbc().sql("select global_index from domain_event_entry order by global_index").query(Long.class).list();
    }

    @AfterAll
    void stop() {
        app.close();
    }

    private List<TrackedEventMessage<?>> read(TrackingToken token) {
        try (var events = engine.readEvents(token, false)) {
            return events.collect(Collectors.toList());
        }
    }

    /** The event's place in the table (its token's position is the token's head, not the event's, for a gap). */
    private long index(TrackedEventMessage<?> event) {
        return app.jdbc().sql("select global_index from domain_event_entry where event_identifier = ?")
                .param(event.getIdentifier()).query(Long.class).single();
    }

    @Test
    @DisplayName("the events after a token without gaps, in order, as stored")
    void afterToken() {
        assertThat(log).as("the province's events").hasSizeGreaterThanOrEqualTo(8);
        int n = log.size();
        List<TrackedEventMessage<?>> events = read(GapAwareTrackingToken.newInstance(log.get(n - 5), List.of()));

        assertThat(events).extracting(this::index).containsExactlyElementsOf(log.subList(n - 4, n));
        List<String> stored = app.jdbc().sql("""
                select event_identifier from domain_event_entry where global_index > ? order by global_index""")
                .param(log.get(n - 5)).query(String.class).list();
        assertThat(events).extracting(TrackedEventMessage::getIdentifier).containsExactlyElementsOf(stored);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getPayload()).isNotNull();
            assertThat(event.getMetaData()).isNotNull();
        });
    }

    @Test
    @DisplayName("the events in a token's gaps come first, in the order of the log, then those after it")
    void inGaps() {
        int n = log.size();
        List<TrackedEventMessage<?>> events = read(GapAwareTrackingToken.newInstance(log.get(n - 3),
                List.of(log.get(1), log.get(3))));

        assertThat(events).extracting(this::index)
                .containsExactly(log.get(1), log.get(3), log.get(n - 2), log.get(n - 1));
        assertThat(events.get(0).getPayloadType().getName()).isEqualTo(app.jdbc().sql(
                "select payload_type from domain_event_entry where global_index = ?")
                .param(log.get(1)).query(String.class).single());
    }

    @Test
    @DisplayName("from the start, the whole log; from its head, nothing")
    void fromTheStart() {
        assertThat(read(null)).extracting(this::index).containsExactlyElementsOf(log);
        assertThat(read(GapAwareTrackingToken.newInstance(log.get(log.size() - 1), List.of()))).isEmpty();
    }
}
