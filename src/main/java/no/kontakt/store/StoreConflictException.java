package no.kontakt.store;

/**
 * The database gave up a transaction that may well succeed when run again: a deadlock between instances, a serialization
 * failure, or a connection lost before the commit. The {@link Committer} rolls back and runs the group again.
 */
public final class StoreConflictException extends StoreException {
    public StoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
