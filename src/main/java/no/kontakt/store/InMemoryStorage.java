package no.kontakt.store;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@link Storage} in memory, for tests and the {@code chat} command. Rollback is honoured: writes since the
 * last commit are undone from a journal of previous values.
 */
public final class InMemoryStorage implements Storage {
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private volatile boolean open = true;

    @Override
    public NavigableMap<String, byte[]> table(String name) {
        return tables.computeIfAbsent(name, n -> new Table());
    }

    @Override
    public synchronized void commit() {
        tables.values().forEach(t -> t.journal.clear());
    }

    @Override
    public synchronized void rollback() {
        tables.values().forEach(Table::undo);
    }

    @Override
    public java.util.SortedSet<String> tableNames() {
        return new java.util.TreeSet<>(tables.keySet());
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    /** A sorted map that remembers the first previous value of each key written since the last commit. */
    private static final class Table extends ConcurrentSkipListMap<String, byte[]> {
        private final Map<String, byte[]> journal = new HashMap<>();
        private static final byte[] ABSENT = new byte[0];

        @Override
        public byte[] put(String key, byte[] value) {
            byte[] previous = super.put(key, value);
            synchronized (journal) {
                journal.putIfAbsent(key, previous == null ? ABSENT : previous);
            }
            return previous;
        }

        @Override
        public byte[] remove(Object key) {
            byte[] previous = super.remove(key);
            if (previous != null) {
                synchronized (journal) {
                    journal.putIfAbsent((String) key, previous);
                }
            }
            return previous;
        }

        void undo() {
            synchronized (journal) {
                journal.forEach((k, v) -> {
                    if (v == ABSENT) {
                        super.remove(k);
                    } else {
                        super.put(k, v);
                    }
                });
                journal.clear();
            }
        }
    }
}
