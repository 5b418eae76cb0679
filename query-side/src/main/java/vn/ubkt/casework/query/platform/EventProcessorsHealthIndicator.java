package vn.ubkt.casework.query.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code eventProcessors} part of the readiness probe (API.md "Operations"): a node whose processor is in error
 * (its batch keeps failing, the database refuses its writes) serves reads that fall further behind, so it is not ready.
 * A processor paused by a rebuild is not an error: reads go on from the live tables. The segments each processor holds
 * on this node are shown, so an operator sees how the nodes share them.
 */
@Component
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean failing = false;
        for (Map.Entry<String, StreamingEventProcessor> entry
                : SegmentBalancer.streaming(processing).entrySet()) {
            StreamingEventProcessor processor = entry.getValue();
            // a segment whose batch failed is in error while it waits to retry, the processor as a whole is not
            boolean error = processor.isError()
                    || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("status", error ? "ERROR" : processor.isRunning() ? "RUNNING" : "STOPPED");
            details.put("segments", processor.processingStatus().keySet().stream().sorted().toList());
            builder.withDetail(entry.getKey(), details);
            failing |= error;
        }
        if (failing) {
            builder.down();
        } else {
            builder.up();
        }
    }
}
