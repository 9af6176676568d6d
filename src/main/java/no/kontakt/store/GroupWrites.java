package no.kontakt.store;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The writes of one commit group, combined before they reach the storage: a key written by many batches of the
 * group (a statistics counter every message updates) is written once, with its last value, and each table's keys
 * are written in key order. Batches see the writes of the batches staged before them.
 */
final class GroupWrites {
    private static final byte[] REMOVED = new byte[0];

    private final Storage storage;
    private final Map<String, TreeMap<String, byte[]>> tables = new HashMap<>();
    /** Keys written by an insert (as "table\0key"): written to the storage as inserts, which a unique key checks. */
    private final Set<String> inserts = new HashSet<>();

    GroupWrites(Storage storage) {
        this.storage = storage;
    }

    /** One batch's writes, kept apart until the whole batch has staged. */
    static final class Changes {
        private final Map<String, Map<String, byte[]>> tables = new HashMap<>();
        private final Set<String> inserts = new HashSet<>();

        void put(String table, String key, byte[] value) {
            tables.computeIfAbsent(table, t -> new HashMap<>()).put(key, value == null ? REMOVED : value);
        }

        void insert(String table, String key, byte[] value) {
            put(table, key, value);
            inserts.add(table + '\0' + key);
        }
    }

    Changes changes() {
        return new Changes();
    }

    /** The value a batch sees: its own write, else the group's, else the storage's; null when absent or removed. */
    byte[] read(Changes mine, String table, String key) {
        return read(mine, table, key, false);
    }

    /** As {@link #read}, the storage's value read for update (locked until the commit where instances share it). */
    byte[] readForUpdate(Changes mine, String table, String key) {
        return read(mine, table, key, true);
    }

    private byte[] read(Changes mine, String table, String key, boolean forUpdate) {
        byte[] value = lookup(mine.tables.get(table), key);
        if (value == null) {
            value = lookup(tables.get(table), key);
        }
        if (value == null) {
            value = forUpdate ? storage.readForUpdate(table, key) : storage.table(table).get(key);
        }
        return value == REMOVED ? null : value;
    }

    private static byte[] lookup(Map<String, byte[]> table, String key) {
        return table == null ? null : table.get(key);
    }

    void merge(Changes mine) {
        mine.tables.forEach((table, writes) -> tables.computeIfAbsent(table, t -> new TreeMap<>()).putAll(writes));
        inserts.addAll(mine.inserts);
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    /** Writes every combined value into the storage (not yet committed); returns how many keys were written. */
    int writeTo(Storage target) {
        int n = 0;
        for (var entry : tables.entrySet()) {
            var table = target.table(entry.getKey());
            for (var write : entry.getValue().entrySet()) {
                if (write.getValue() == REMOVED) {
                    table.remove(write.getKey());
                } else if (!inserts.isEmpty() && inserts.contains(entry.getKey() + '\0' + write.getKey())) {
                    target.insert(entry.getKey(), write.getKey(), write.getValue());
                } else {
                    table.put(write.getKey(), write.getValue());
                }
                n++;
            }
        }
        return n;
    }
}
