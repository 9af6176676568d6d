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
