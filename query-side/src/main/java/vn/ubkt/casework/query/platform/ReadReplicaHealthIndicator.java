package vn.ubkt.casework.query.platform;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code readReplica} part of the readiness probe: a node that reads its read models from a replica serves nothing
 * while the replica does not answer, so it is not ready; without a replica it is always up. The details say how far the
 * replica is behind the primary it replays.
 */
@Component
class ReadReplicaHealthIndicator extends AbstractHealthIndicator {

    private final ReadDatabase database;

    ReadReplicaHealthIndicator(ReadDatabase database) {
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (!database.replicated()) {
            builder.up().withDetail("replica", "none: read models are read from the primary");
            return;
        }
        // a replica that does not answer throws here, and the probe is down with the error
        builder.up().withDetails(database.replicaStatus());
    }
}
