package vn.ubkt.casework.platform.axon;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.List;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;

/**
 * Axon's metrics of each event processor (its timer, its latency, its counts of events handled, ignored and failed),
 * without Axon's {@code CapacityMonitor}. That monitor keeps every event's duration of the last ten minutes in a
 * sorted map, once per processor and segment thread, the events a segment passes over included: a catch-up of
 * 250,000 events held 2.4 million of its entries (about 200 MB) in the 1 GiB heap, growing until the heap was full at
 * 646,000 (docs/BENCHMARKS.md, "National scale"). How busy a processor is can be read from its timer: the time spent
 * in its handlers per second.
 */
final class ProcessorMetrics extends GlobalMetricRegistry {

    ProcessorMetrics(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName) {
        return monitors(eventProcessorName, message -> List.of(), message -> List.of());
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String eventProcessorName,
                                                                          Function<Message<?>, Iterable<Tag>> tagsBuilder,
                                                                          Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return monitors(eventProcessorName, tagsBuilder, latencyTagsBuilder);
    }

    private MultiMessageMonitor<EventMessage<?>> monitors(String name, Function<Message<?>, Iterable<Tag>> tags,
                                                          Function<Message<?>, Iterable<Tag>> latencyTags) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, getRegistry(), tags),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(name).meterRegistry(getRegistry())
                        .tagsBuilder(latencyTags).build(),
                MessageCountingMonitor.buildMonitor(name, getRegistry(), tags)));
    }
}
