package vn.ubkt.casework.command.platform;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import vn.ubkt.casework.platform.axon.SharedAxon;

/**
 * The command side's own Axon settings; the event store, its processors and their token store are {@link SharedAxon}'s,
 * declared once for both sides.
 */
@Configuration(proxyBeanMethods = false)
@Import(SharedAxon.class)
class CommandSideAxon {

    /** Every aggregate's lock, held until its events are committed (see {@link LockUntilCommit}). */
    @Bean(LockUntilCommit.BEAN)
    LockUntilCommit lockUntilCommit() {
        return new LockUntilCommit();
    }

    /** The acting user and the request's correlation id travel from each command to its events. */
    @Bean
    @ConditionalOnMissingBean(CorrelationDataProvider.class)
    CorrelationDataProvider requestCorrelation() {
        return new SimpleCorrelationDataProvider(MessageMetadata.ACTOR, MessageMetadata.ACTOR_NAME,
                MessageMetadata.ACTOR_COMMITTEE, MessageMetadata.CORRELATION_ID);
    }

    /**
     * The command side's own views (the committee directory, the register of open cases) are updated in the
     * transaction that appends the events, so a rule never reads them behind the event store.
     */
    @Bean
    ConfigurerModule commandSideSubscribingProcessors() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(vn.ubkt.casework.command.committees.CommitteeDirectory.PROCESSING_GROUP);
    }
}
