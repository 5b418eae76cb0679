package vn.ubkt.casework.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store as both sides run it, declared once: each side's application imports this, and the standalone,
 * which runs both sides in one context, has it once. What differs between the sides (the correlation data each
 * command carries, the command side's subscribing processors and aggregate locks) stays with the side.
 */
// the event store's entities, which Axon's JPA event store auto-configuration registers when it is the one in use
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
@Configuration(proxyBeanMethods = false)
public class SharedAxon {

    /** Events the embedded store keeps for the processors near its head. */
    static final int CACHED_EVENTS = 10_000;
    /** Events its reader reads in one pass, all of them in memory until the pass ends. */
    static final int READ_AHEAD = 2_000;

    /** Business dates are Vietnamese dates: "today" is today in Hanoi. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    /**
     * Jackson 2 for Axon's serializer (Boot 4's own mapper is Jackson 3): events and metadata are stored
     * as readable JSON, dates as ISO strings.
     */
    @Bean
    @ConditionalOnMissingBean(ObjectMapper.class)
    ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Axon's metrics of every processor, bus and store, without the processors' capacity (see {@link ProcessorMetrics}):
     * Axon's auto-configuration uses this registry when one is declared.
     */
    @Bean
    @ConditionalOnMissingBean(GlobalMetricRegistry.class)
    static GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new ProcessorMetrics(meterRegistry);
    }

    /**
     * Axon's JPA storage of the events, built as Axon's auto-configuration builds it (which stands back once the event
     * store below is declared), the embedded store's reader reading at most {@value #READ_AHEAD} events a pass
     * ({@link BoundedReadAheadStorageEngine}), and never starting one further ahead of the {@link HeadFollower} than
     * keeps it in the {@value #CACHED_EVENTS} cached, where a node has one ({@link ReaderLeash#forCache}).
     */
    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider, TransactionManager transactionManager,
                                          ReaderLeash readerLeash) {
        return new BoundedReadAheadStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager), READ_AHEAD, readerLeash);
    }

    /**
     * What holds the embedded store's reader within reach of the {@link HeadFollower}: it waits at most a second for
     * the follower before a pass, and not at all on a node without one.
     */
    @Bean
    ReaderLeash readerLeash() {
        return ReaderLeash.forCache(CACHED_EVENTS, READ_AHEAD, Duration.ofSeconds(1));
    }

    /**
     * Axon's embedded event store, with its read-ahead bounded. The processors share one reader that reads as fast as
     * the fastest of them, and a processor behind it keeps every event read since its position in memory until the
     * store's clean-up moves it to a reader of its own: every 10 s by default, which held 360,000 events (a 1 GiB heap
     * full) while the projections caught up on a bulk of 600,000. It is cleaned every half second, keeps the last
     * {@value #CACHED_EVENTS} events, its reader reads at most {@value #READ_AHEAD} a pass, and on the query side
     * (where the tracking processors are) a {@link HeadFollower} keeps that reader going between passes. Events appended by another process are looked for every 100 ms
     * ({@code casework.projections.fetch-delay}).
     */
    @Bean
    @ConditionalOnMissingBean(EventStore.class)
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${casework.projections.fetch-delay:100ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(CACHED_EVENTS)
                .cleanupDelay(500)
                .fetchDelay(fetchDelay.toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    /**
     * Tracking processors, each handing its handlers batches of events in one transaction (projections read and write
     * once per batch), over a few segments: every segment stores its token for the events it sees, so segments cost
     * round trips on each command; two are enough for two nodes to share the work (docs/OPERATIONS.md). A tracking
     * processor waits on the event store's stream and handles an event as soon as it is appended (Axon's pooled
     * processor polls every 500 ms when its stream cannot call back, as the embedded event store's cannot). Up to 16
     * threads: one per segment, so a store initialised with more segments is still served whole.
     */
    @Bean
    @ConditionalOnMissingBean(name = "streamingProcessors")
    ConfigurerModule streamingProcessors(@Value("${casework.projections.batch-size:500}") int batchSize,
                                         @Value("${casework.projections.segments:2}") int segments,
                                         @Value("${casework.projections.token-claim-interval:2s}") Duration claimInterval) {
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(configuration -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(Math.max(16, segments))
                        .andInitialSegmentsCount(segments)
                        .andBatchSize(batchSize)
                        .andTokenClaimInterval(claimInterval.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * The token store shared by every node, each under a name of its own: Axon's default name is the JVM's
     * ({@code pid@host}), which two nodes started in one JVM would share and so both process the same segment. A claim
     * not renewed for {@code claim-timeout} (a killed node's) is taken over by another node at its next claim attempt
     * (every {@code token-claim-interval}); docs/OPERATIONS.md "Several nodes".
     * <p>
     * Axon's JDBC token store on {@code token_entry} as its JPA token store laid it out (the same columns, the token
     * serialized to {@code bytea} by the same serializer), in the processor's own transaction: the JPA store's update
     * went through Hibernate's query machinery at every batch, 30% of a busy processor's CPU (docs/BENCHMARKS.md,
     * "The processors' token, stored by JDBC").
     */
    @Bean
    @ConditionalOnMissingBean(TokenStore.class)
    TokenStore tokenStore(DataSource dataSource, @Qualifier("serializer") Serializer serializer,
                          @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout,
                          @Value("${casework.node-id:}") String nodeId) {
        return JdbcTokenStore.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .schema(TOKEN_SCHEMA)
                .contentType(byte[].class)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .nodeId(nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID() : nodeId)
                .build();
    }

    /** {@code token_entry} (db/eventstore/V1), the table and columns Axon's JPA token store named. */
    static final TokenSchema TOKEN_SCHEMA = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();
}
