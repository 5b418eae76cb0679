package vn.ubkt.casework.query.deadletters;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * How an event that a projection cannot handle becomes a dead letter without leaving its batch half-applied.
 * <p>
 * Projections change their batch's state in memory and write it once before the batch commits
 * ({@code query.platform.EventBatch}); a handler that throws half-way may already have changed that state (the
 * statistics mark an event counted before they count it). So the first failure of an event does not dead-letter it
 * inside its batch: the whole batch rolls back, this node remembers the event, and when the processor hands the batch
 * again the event goes to the dead-letter queue before any handler sees it, while the rest of the batch is applied.
 * Axon's invoker then queues the later events of the same case behind it (the sequence is the aggregate), so one
 * poison event holds back only its own case. A failure of the infrastructure (the database unreachable) is not a
 * poison: the batch is retried as before, with the processor's back-off.
 * <p>
 * A retry from the queue ({@link DeadLetters#retry}) handles one case's letters alone, each in its own unit of work,
 * so a failure there is simply queued again with one more attempt.
 */
final class PoisonEvents {

    static final String ATTEMPTS = "attempts";

    /** Remembered failures by processor and event id, until the event is queued on its redelivery. */
    private final Map<String, Throwable> remembered = new ConcurrentHashMap<>();
    /**
     * Sequences (cases) this node queued itself, by processor. Axon's invoker keeps a cache of the sequences it knows
     * are not in the queue (DeadLetterConfiguration), so that an event does not cost a query of the queue; a letter
     * queued here, outside the invoker, is not in that cache, so the later events of its case are queued behind it
     * here, for as long as the queue has the case.
     */
    private final Map<String, Set<Object>> queuedHere = new ConcurrentHashMap<>();
    private final ThreadLocal<Boolean> retrying = ThreadLocal.withInitial(() -> false);

    /** The queue's policy for one processor. */
    EnqueuePolicy<EventMessage<?>> policy(String processor) {
        return (letter, cause) -> decide(processor, letter, cause);
    }

    private EnqueueDecision<EventMessage<?>> decide(String processor, DeadLetter<? extends EventMessage<?>> letter,
                                                    Throwable cause) {
        if (retrying.get()) {
            long attempts = attempts(letter.diagnostics()) + 1;
            return Decisions.requeue(truncated(cause), l -> l.diagnostics().and(ATTEMPTS, attempts));
        }
        if (!transientFailure(cause)) {
            remembered.put(key(processor, letter.message()), truncated(cause));
        }
        throw new PoisonEventException(letter.message(), cause);
    }

    /** Before the handlers of one processor: an event remembered as poison goes to the queue instead. */
    MessageHandlerInterceptor<EventMessage<?>> interceptor(String processor,
                                                           SequencedDeadLetterQueue<EventMessage<?>> queue) {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            if (retrying.get()) {
                return chain.proceed();
            }
            EventMessage<?> event = unitOfWork.getMessage();
            Object sequence = sequenceOf(event);
            Set<Object> queued = queuedHere.computeIfAbsent(processor, p -> ConcurrentHashMap.newKeySet());
            Throwable cause = remembered.remove(key(processor, event));
            if (cause == null) {
                if (queued.contains(sequence)) {
                    if (queue.enqueueIfPresent(sequence, () -> new GenericDeadLetter<>(sequence, event))) {
                        return null;
                    }
                    // retried or skipped since: the case projects again
                    queued.remove(sequence);
                }
                return chain.proceed();
            }
            queue.enqueue(sequence, new GenericDeadLetter<EventMessage<?>>(sequence, event, cause)
                    .withDiagnostics(MetaData.with(ATTEMPTS, 1L)));
            queued.add(sequence);
            return null;
        };
    }

    /** Runs a retry from the queue: failures there are queued again, never rolled back as a poison batch. */
    <T> T retrying(java.util.function.Supplier<T> retry) {
        retrying.set(true);
        try {
            return retry.get();
        } finally {
            retrying.remove();
        }
    }

    /** Axon's default sequencing: events of one aggregate in order, in one segment. */
    static Object sequenceOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    static long attempts(MetaData diagnostics) {
        return diagnostics.get(ATTEMPTS) instanceof Number n ? n.longValue() : 0;
    }

    private static String key(String processor, EventMessage<?> event) {
        return processor + "/" + event.getIdentifier();
    }

    private static boolean transientFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientException) {
                return true;
            }
        }
        return false;
    }

    /** The dead-letter table keeps a message of up to 1023 characters. */
    private static Throwable truncated(Throwable cause) {
        return cause instanceof ThrowableCause ? cause : ThrowableCause.truncated(cause, 1000);
    }

    /** Rolls a batch back the first time one of its events fails; the event is queued when the batch comes again. */
    static final class PoisonEventException extends RuntimeException {
        PoisonEventException(EventMessage<?> event, Throwable cause) {
            super("event " + event.getIdentifier() + " (" + event.getPayloadType().getSimpleName()
                    + ") failed; it will be dead-lettered when its batch is handled again", cause);
        }
    }
}
