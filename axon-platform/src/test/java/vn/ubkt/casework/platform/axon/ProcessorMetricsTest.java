package vn.ubkt.casework.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

class ProcessorMetricsTest {

    @Test
    void aProcessorIsTimedAndCountedWithoutTheCapacityWindow() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ingest(new ProcessorMetrics(registry).registerEventProcessor("case-detail"), 1_000);

        assertThat(registry.getMeters()).extracting(meter -> meter.getId().getName())
                .contains("case-detail.processedCounter", "case-detail.ignoredCounter", "case-detail.latency")
                .noneMatch(name -> name.contains("capacity"));
        assertThat(registry.get("case-detail.processedCounter").counter().count()).isEqualTo(500);
        assertThat(registry.get("case-detail.ignoredCounter").counter().count()).isEqualTo(500);
    }

    @Test
    void axonsOwnRegistryKeepsTheCapacityWindowThatThisOneLeavesOut() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ingest(new GlobalMetricRegistry(registry).registerEventProcessor("case-detail"), 10);
        assertThat(registry.getMeters()).extracting(Meter::getId).extracting(Meter.Id::getName)
                .anyMatch(name -> name.contains("capacity"));
    }

    /** Half the events handled, half passed over (as a segment passes over the other segments' events). */
    @SuppressWarnings("unchecked")
    private static void ingest(MessageMonitor<?> monitor, int events) {
        MessageMonitor<EventMessage<?>> monitored = (MessageMonitor<EventMessage<?>>) monitor;
        for (int i = 0; i < events; i++) {
            MessageMonitor.MonitorCallback callback = monitored.onMessageIngested(GenericEventMessage.asEventMessage("e" + i));
            if (i % 2 == 0) {
                callback.reportSuccess();
            } else {
                callback.reportIgnored();
            }
        }
    }
}
