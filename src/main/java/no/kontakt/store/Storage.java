package no.kontakt.store;

import java.util.NavigableMap;

/**
 * The storage engine under every store: named, ordered tables of byte values (JSON) with one transaction.
 * Writes become durable at {@link #commit()}; only the {@link Committer} thread writes.
 */
public interface Storage extends AutoCloseable {

    /** The table of that name, created on first use; keys sort as strings. */
    NavigableMap<String, byte[]> table(String name);

    /** Makes every write since the last commit durable, all or nothing. */
    void commit();

    /**
     * Reads a value that is about to be replaced (a counter, a delivery status): where several instances share the
     * storage, the row stays locked for this transaction until {@link #commit()} or {@link #rollback()}, so another
     * instance's read-modify-write of it waits. Alone (MapDB, memory) it is a plain read.
     */
    default byte[] readForUpdate(String table, String key) {
        return table(table).get(key);
    }

    /**
     * Writes a key that must be absent: when it exists (written and committed by anyone, on any instance) the write fails
     * with {@link DuplicateKeyException}, here or at {@link #commit()}, and the caller rolls back.
     */
    default void insert(String table, String key, byte[] value) {
        var rows = table(table);
        if (rows.containsKey(key)) {
            throw new DuplicateKeyException(table, key, null);
        }
        rows.put(key, value);
    }

    /**
     * The locks every instance on this storage respects (the {@link Stores} asks once): locks in this process for an
     * embedded storage, which only one process opens.
     */
    default ClusterLocks clusterLocks() {
        return new InProcessLocks();
    }

    /** Discards every write since the last commit. */
    void rollback();

    boolean isOpen();

    /** The names of the tables that exist, in order (for copying a whole store to another backend). */
    java.util.SortedSet<String> tableNames();

    /** The data folder of a storage on disk; empty for one in memory or on a server. */
    default java.util.Optional<java.nio.file.Path> folder() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
