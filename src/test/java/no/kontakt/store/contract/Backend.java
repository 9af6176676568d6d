package no.kontakt.store.contract;

/**
 * A storage backend under contract: opens the roles on empty storage, and reopens the same storage (what a restart
 * does). A new backend (PostgreSQL…) implements this once and extends {@link StorageContracts} once.
 */
public interface Backend extends AutoCloseable {
    /** The roles on empty storage; the unit's time zone is Europe/Oslo. */
    Roles open();

    /** Closes what {@link #open} gave and opens the same storage again; a backend in memory may return the same roles. */
    Roles reopen();

    @Override
    void close();
}
