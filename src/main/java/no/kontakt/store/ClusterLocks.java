package no.kontakt.store;

import java.util.Optional;

/**
 * Named locks that every instance on one storage respects: a conversation's steps, one outbox item's send, one round of
 * a scheduled job. Alone (MapDB, memory) they are locks in this process; on a shared database they are the database's
 * advisory locks, held on a connection of their own, so an instance that dies (its connection closes) frees them.
 * A lock is re-entrant for the thread that holds it.
 */
public interface ClusterLocks extends AutoCloseable {

    /** Waits for the lock of {@code key}; throws {@link StoreException} when it cannot be taken (database away). */
    Held lock(String key);

    /** The lock of {@code key} when nobody holds it now, else empty at once. */
    Optional<Held> tryLock(String key);

    /** True when other processes share these locks (a database), false for locks of this process only. */
    boolean shared();

    @Override
    default void close() {
    }

    /** A lock taken; closing it lets it go. */
    interface Held extends AutoCloseable {
        /**
         * Lets the lock go; throws {@link StoreException} when it turns out to have been lost meanwhile (its connection
         * closed), so work done under it is not reported as done under the lock.
         */
        @Override
        void close();
    }
}
