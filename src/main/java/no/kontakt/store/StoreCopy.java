package no.kontakt.store;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Copies every table of one storage into another, value bytes as they are (still sealed: both backends use the same
 * key), then checks the copy: the same keys with the same bytes, table by table. For moving a MapDB store into
 * PostgreSQL ({@code store migrate}) and back (tests).
 */
public final class StoreCopy {
    /** Rows per commit while copying: a large store is not one transaction held in memory. */
    static final int COMMIT_EVERY = 1_000;

    private StoreCopy() {}

    /**
     * Copies and checks; returns the rows per table. The target must be empty (a copy onto data would merge two stores);
     * throws {@link StoreException} when it is not, or when the check finds a difference.
     */
    public static Map<String, Long> copy(Storage from, Storage to) {
        for (String name : to.tableNames()) {
            if (!to.table(name).isEmpty()) {
                throw new StoreException("the target store is not empty (table " + name + " has rows); copy only into an empty store");
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        long pending = 0;
        for (String name : from.tableNames()) {
            var target = to.table(name);
            long n = 0;
            for (var entry : from.table(name).entrySet()) {
                target.put(entry.getKey(), entry.getValue());
                n++;
                if (++pending % COMMIT_EVERY == 0) {
                    to.commit();
                }
            }
            counts.put(name, n);
        }
        to.commit();
        check(from, to, counts);
        return counts;
    }

    /** Walks each table of both in key order: the same keys, the same bytes, and the counts copied. */
    static void check(Storage from, Storage to, Map<String, Long> counts) {
        for (var table : counts.entrySet()) {
            String name = table.getKey();
            Iterator<Map.Entry<String, byte[]>> a = from.table(name).entrySet().iterator();
            Iterator<Map.Entry<String, byte[]>> b = to.table(name).entrySet().iterator();
            long n = 0;
            while (a.hasNext() && b.hasNext()) {
                var x = a.next();
                var y = b.next();
                if (!x.getKey().equals(y.getKey()) || !Arrays.equals(x.getValue(), y.getValue())) {
                    throw new StoreException("the copy differs in table " + name + " at row " + (n + 1) + " (key " + x.getKey() + " / " + y.getKey() + ")");
                }
                n++;
            }
            if (a.hasNext() || b.hasNext() || n != table.getValue()) {
                throw new StoreException("the copy of table " + name + " has " + to.table(name).size() + " rows, the store " + table.getValue());
            }
        }
    }
}
