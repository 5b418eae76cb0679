package vn.ubkt.casework.command.platform;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's per-aggregate lock, held until the transaction that appended the aggregate's events has ended. A command
 * sent with an {@code Idempotency-Key} runs inside the request's transaction ({@link IdempotencyFilter}), which
 * commits after the command's unit of work; were the lock released with the unit of work, a second command on the
 * same case in this node would load the case without the first one's uncommitted events and be refused as a
 * concurrent change, where without a key it would simply have waited its turn. Without an enclosing transaction the
 * unit of work has committed by the time it releases the lock, and the lock goes at once.
 */
public final class LockUntilCommit implements LockFactory {

    /** The bean name aggregates give in {@code @Aggregate(lockFactory = …)}. */
    public static final String BEAN = "lockUntilCommit";

    private final LockFactory locks = PessimisticLockFactory.usingDefaults();

    @Override
    public Lock obtainLock(String identifier) {
        Lock lock = locks.obtainLock(identifier);
        return new Lock() {
            @Override
            public void release() {
                if (TransactionSynchronizationManager.isActualTransactionActive()
                        && TransactionSynchronizationManager.isSynchronizationActive()) {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            lock.release();
                        }
                    });
                } else {
                    lock.release();
                }
            }

            @Override
            public boolean isHeld() {
                return lock.isHeld();
            }
        };
    }
}
