package vn.ubkt.casework.query.deadletters;

import java.util.List;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.ubkt.casework.query.admin.ProjectionDefinition;

/**
 * A dead-letter queue in PostgreSQL ({@code dead_letter_entry}) for every projection's processor, shared by every
 * query node: a poison event holds back only its own case (Axon's sequence is the aggregate), the other cases keep
 * projecting, and an administrator retries or skips it ({@link DeadLetterController}).
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    @Bean
    PoisonEvents poisonEvents() {
        return new PoisonEvents();
    }

    @Bean
    ConfigurerModule deadLetterQueues(List<ProjectionDefinition> projections, PoisonEvents poisons) {
        return configurer -> {
            var processing = configurer.eventProcessing();
            for (ProjectionDefinition projection : projections) {
                String processor = projection.name();
                processing.registerDeadLetterQueue(processor, config -> JpaSequencedDeadLetterQueue.<EventMessage<?>>builder()
                                .processingGroup(processor)
                                .entityManagerProvider(config.getComponent(EntityManagerProvider.class))
                                .transactionManager(config.getComponent(TransactionManager.class))
                                .eventSerializer(config.eventSerializer())
                                .genericSerializer(config.serializer())
                                .build())
                        .registerDeadLetterPolicy(processor, config -> poisons.policy(processor))
                        // without it every event handled asks the queue whether its case is there: one query per
                        // event and processor (PoisonEvents queues the later events of a case it queued itself)
                        .registerDeadLetteringEventHandlerInvokerConfiguration(processor,
                                (config, invoker) -> invoker.enableSequenceIdentifierCache())
                        .registerHandlerInterceptor(processor, config -> poisons.interceptor(processor,
                                queue(config.eventProcessingConfiguration().deadLetterQueue(processor))));
            }
        };
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue(
            java.util.Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue) {
        return queue.orElseThrow(() -> new IllegalStateException("no dead-letter queue"));
    }
}
