package vn.ubkt.casework.query.platform;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import vn.ubkt.casework.platform.axon.HeadFollower;
import vn.ubkt.casework.platform.axon.ReaderLeash;
import vn.ubkt.casework.platform.axon.SharedAxon;

/**
 * The query side's own Axon settings; the event store, its processors and their token store are {@link SharedAxon}'s,
 * declared once for both sides.
 */
@Configuration(proxyBeanMethods = false)
@Import(SharedAxon.class)
class QuerySideAxon {

    /** The acting user and the request's correlation id travel from each command to its events. */
    @Bean
    @ConditionalOnMissingBean(CorrelationDataProvider.class)
    CorrelationDataProvider requestCorrelation() {
        return new SimpleCorrelationDataProvider(MessageMetadata.ACTOR, MessageMetadata.CORRELATION_ID);
    }

    /**
     * A stream that follows the embedded store's head, so that its reader, which the tracking processors share near
     * the head, reads on between its bounded passes ({@link HeadFollower}); the reader waits for it before each pass,
     * so that it stays in the reader's cache ({@link ReaderLeash}).
     */
    @Bean
    HeadFollower headFollower(EmbeddedEventStore eventStore, ReaderLeash readerLeash) {
        return new HeadFollower(eventStore, readerLeash);
    }
}
