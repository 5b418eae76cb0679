package vn.ubkt.casework.query.platform;

import java.util.List;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * What a projection keeps for one batch of events: read once for the whole batch when its first event is handled,
 * changed in memory by each event, and written once, in as few statements as possible, just before the batch's
 * transaction commits. The live processors hand their handlers batches of events in one unit of work, and so does
 * a rebuild (a subscribing processor's unit of work holds one event, which is then the batch).
 */
public final class EventBatch {

    /** State kept for a batch. */
    public interface State {
        /** Writes what the batch changed; runs inside the batch's transaction, once. */
        void flush();
    }

    private EventBatch() {
    }

    /**
     * The projection's state for the batch being handled, created from every event of the batch on first use (so it
     * can read what all of them need in one query) and flushed before the batch commits.
     */
    public static <S extends State> S current(String key, Function<List<EventMessage<?>>, S> create) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("an event batch is handled in a unit of work");
        }
        UnitOfWork<?> unitOfWork = batchOf(CurrentUnitOfWork.get());
        return unitOfWork.getOrComputeResource(EventBatch.class.getName() + "/" + key, ignored -> {
            S state = create.apply(messages(unitOfWork));
            unitOfWork.onPrepareCommit(done -> state.flush());
            return state;
        });
    }

    /**
     * Marks a batch of a rebuild's first pass: the copies it writes were empty when the pass began, the pass hands
     * each event of the store to the projection exactly once, and the tables its definition names
     * ({@code ProjectionDefinition.unkeyedWhileReplayed}) have no primary key until the pass ends.
     */
    public static void markFirstPass(UnitOfWork<?> batch) {
        batch.resources().put(FIRST_PASS, Boolean.TRUE);
    }

    /**
     * True while a rebuild's first pass handles the current batch ({@link #markFirstPass}): a projection then writes
     * its unkeyed tables with plain inserts, and need not ask whether it has seen an event before.
     */
    public static boolean firstPass() {
        return CurrentUnitOfWork.isStarted()
                && Boolean.TRUE.equals(batchOf(CurrentUnitOfWork.get()).resources().get(FIRST_PASS));
    }

    private static final String FIRST_PASS = EventBatch.class.getName() + "/firstPass";

    /**
     * The processor's or the rebuild's batch; an event retried from the dead-letter queue is handled in a unit of work
     * of its own, nested in one that holds no event, and is then its own batch.
     */
    private static UnitOfWork<?> batchOf(UnitOfWork<?> current) {
        for (UnitOfWork<?> unitOfWork = current; unitOfWork != null; unitOfWork = unitOfWork.parent().orElse(null)) {
            if (unitOfWork instanceof BatchingUnitOfWork<?>) {
                return unitOfWork;
            }
        }
        return current;
    }

    private static List<EventMessage<?>> messages(UnitOfWork<?> unitOfWork) {
        List<? extends Message<?>> messages = unitOfWork instanceof BatchingUnitOfWork<?> batch ? batch.getMessages()
                : List.of(unitOfWork.getMessage());
        return messages.stream().filter(EventMessage.class::isInstance).<EventMessage<?>>map(m -> (EventMessage<?>) m)
                .toList();
    }
}
