package no.kontakt.store.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * One table of a {@link PostgresStorage} (or a key range of it) as a sorted map, read by SQL: the operations the store
 * uses (get, put, remove, containsKey, size, iteration in key order a page at a time, sub-, head- and tail-ranges,
 * first and last entry, ceiling, floor, higher and lower). Writes wait for the storage's commit; {@code put} and
 * {@code remove} return null (they do not read the previous value).
 */
final class SqlTable extends AbstractMap<String, byte[]> implements NavigableMap<String, byte[]> {
    /** Rows read per query while iterating: memory stays bounded however large the table. */
    static final int PAGE = 500;

    private final PostgresStorage storage;
    private final String name;
    private final String lo;
    private final boolean loInclusive;
    private final String hi;
    private final boolean hiInclusive;

    SqlTable(PostgresStorage storage, String name, String lo, boolean loInclusive, String hi, boolean hiInclusive) {
        this.storage = storage;
        this.name = name;
        this.lo = lo;
        this.loInclusive = loInclusive;
        this.hi = hi;
        this.hiInclusive = hiInclusive;
    }

    // ---- the range -------------------------------------------------------------------------------------------------

    private boolean inRange(String key) {
        if (lo != null) {
            int c = key.compareTo(lo);
            if (c < 0 || (c == 0 && !loInclusive)) {
                return false;
            }
        }
        if (hi != null) {
            int c = key.compareTo(hi);
            return c < 0 || (c == 0 && hiInclusive);
        }
        return true;
    }

    /** The condition of this range, with {@code after} (exclusive) as a further lower bound when not null. */
    private String where(String after) {
        StringBuilder sql = new StringBuilder(" where tbl = ?");
        if (lo != null) {
            sql.append(loInclusive ? " and k >= ?" : " and k > ?");
        }
        if (hi != null) {
            sql.append(hiInclusive ? " and k <= ?" : " and k < ?");
        }
        if (after != null) {
            sql.append(" and k > ?");
        }
        return sql.toString();
    }

    private int bind(PreparedStatement statement, String after) throws java.sql.SQLException {
        int i = 1;
        statement.setString(i++, name);
        if (lo != null) {
            statement.setString(i++, lo);
        }
        if (hi != null) {
            statement.setString(i++, hi);
        }
        if (after != null) {
            statement.setString(i++, after);
        }
        return i;
    }

    /** The part of this range also within the given bounds (null: unbounded on that side). */
    private SqlTable narrow(String from, boolean fromInclusive, String to, boolean toInclusive) {
        String newLo = lo;
        boolean newLoInc = loInclusive;
        if (from != null && (lo == null || from.compareTo(lo) > 0 || (from.equals(lo) && !fromInclusive))) {
            newLo = from;
            newLoInc = fromInclusive;
        }
        String newHi = hi;
        boolean newHiInc = hiInclusive;
        if (to != null && (hi == null || to.compareTo(hi) < 0 || (to.equals(hi) && !toInclusive))) {
            newHi = to;
            newHiInc = toInclusive;
        }
        return new SqlTable(storage, name, newLo, newLoInc, newHi, newHiInc);
    }

    // ---- single keys -----------------------------------------------------------------------------------------------

    @Override
    public byte[] get(Object key) {
        if (!(key instanceof String k) || !inRange(k)) {
            return null;
        }
        byte[] written = storage.pendingWrite(name, k);
        if (written != null) {
            return written == PostgresStorage.REMOVED ? null : written;
        }
        return storage.read(c -> {
            try (PreparedStatement s = c.prepareStatement("select v from kv where tbl = ? and k = ?")) {
                s.setString(1, name);
                s.setString(2, k);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            }
        });
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public byte[] put(String key, byte[] value) {
        if (value == null) {
            throw new NullPointerException("a value of the store cannot be null");
        }
        storage.write(name, key, value);
        return null;
    }

    @Override
    public byte[] remove(Object key) {
        if (key instanceof String k) {
            storage.write(name, k, null);
        }
        return null;
    }

    @Override
    public int size() {
        long n = storage.read(c -> {
            try (PreparedStatement s = c.prepareStatement("select count(*) from kv" + where(null))) {
                bind(s, null);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return (int) Math.min(n, Integer.MAX_VALUE);
    }

    @Override
    public boolean isEmpty() {
        return firstEntry() == null;
    }

    // ---- ends ------------------------------------------------------------------------------------------------------

    private Map.Entry<String, byte[]> end(boolean last) {
        return storage.read(c -> {
            try (PreparedStatement s = c.prepareStatement("select k, v from kv" + where(null) + " order by k " + (last ? "desc" : "asc") + " limit 1")) {
                bind(s, null);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? new SimpleImmutableEntry<>(rs.getString(1), rs.getBytes(2)) : null;
                }
            }
        });
    }

    @Override
    public Map.Entry<String, byte[]> firstEntry() {
        return end(false);
    }

    @Override
    public Map.Entry<String, byte[]> lastEntry() {
        return end(true);
    }

    @Override
    public String firstKey() {
        return key(firstEntry());
    }

    @Override
    public String lastKey() {
        return key(lastEntry());
    }

    private static String key(Map.Entry<String, byte[]> entry) {
        if (entry == null) {
            throw new NoSuchElementException();
        }
        return entry.getKey();
    }

    private static String keyOrNull(Map.Entry<String, byte[]> entry) {
        return entry == null ? null : entry.getKey();
    }

    @Override
    public Map.Entry<String, byte[]> lowerEntry(String key) {
        return narrow(null, false, key, false).lastEntry();
    }

    @Override
    public String lowerKey(String key) {
        return keyOrNull(lowerEntry(key));
    }

    @Override
    public Map.Entry<String, byte[]> floorEntry(String key) {
        return narrow(null, false, key, true).lastEntry();
    }

    @Override
    public String floorKey(String key) {
        return keyOrNull(floorEntry(key));
    }

    @Override
    public Map.Entry<String, byte[]> ceilingEntry(String key) {
        return narrow(key, true, null, false).firstEntry();
    }

    @Override
    public String ceilingKey(String key) {
        return keyOrNull(ceilingEntry(key));
    }

    @Override
    public Map.Entry<String, byte[]> higherEntry(String key) {
        return narrow(key, false, null, false).firstEntry();
    }

    @Override
    public String higherKey(String key) {
        return keyOrNull(higherEntry(key));
    }

    @Override
    public Map.Entry<String, byte[]> pollFirstEntry() {
        throw new UnsupportedOperationException("pollFirstEntry: remove through a batch");
    }

    @Override
    public Map.Entry<String, byte[]> pollLastEntry() {
        throw new UnsupportedOperationException("pollLastEntry: remove through a batch");
    }

    // ---- ranges ----------------------------------------------------------------------------------------------------

    @Override
    public NavigableMap<String, byte[]> subMap(String fromKey, boolean fromInclusive, String toKey, boolean toInclusive) {
        return narrow(fromKey, fromInclusive, toKey, toInclusive);
    }

    @Override
    public NavigableMap<String, byte[]> headMap(String toKey, boolean inclusive) {
        return narrow(null, false, toKey, inclusive);
    }

    @Override
    public NavigableMap<String, byte[]> tailMap(String fromKey, boolean inclusive) {
        return narrow(fromKey, inclusive, null, false);
    }

    @Override
    public SortedMap<String, byte[]> subMap(String fromKey, String toKey) {
        return subMap(fromKey, true, toKey, false);
    }

    @Override
    public SortedMap<String, byte[]> headMap(String toKey) {
        return headMap(toKey, false);
    }

    @Override
    public SortedMap<String, byte[]> tailMap(String fromKey) {
        return tailMap(fromKey, true);
    }

    @Override
    public Comparator<? super String> comparator() {
        return null;
    }

    @Override
    public NavigableMap<String, byte[]> descendingMap() {
        throw new UnsupportedOperationException("descendingMap: use lastEntry or lowerEntry");
    }

    @Override
    public NavigableSet<String> navigableKeySet() {
        throw new UnsupportedOperationException("navigableKeySet: use keySet");
    }

    @Override
    public NavigableSet<String> descendingKeySet() {
        throw new UnsupportedOperationException("descendingKeySet: use lastEntry or lowerEntry");
    }

    // ---- iteration -------------------------------------------------------------------------------------------------

    /** The rows of the range after {@code after} (exclusive; null from the start), at most one page, in key order. */
    private List<Map.Entry<String, byte[]>> page(String after, boolean values) {
        return storage.read(c -> {
            String sql = "select k" + (values ? ", v" : "") + " from kv" + where(after) + " order by k limit " + PAGE;
            try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, after);
                List<Map.Entry<String, byte[]>> rows = new ArrayList<>(PAGE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new SimpleImmutableEntry<>(rs.getString(1), values ? rs.getBytes(2) : null));
                    }
                }
                return rows;
            }
        });
    }

    /** Walks the range a page at a time; a key written meanwhile is seen if it sorts after the page being read. */
    private final class Rows implements Iterator<Map.Entry<String, byte[]>> {
        private final boolean values;
        private List<Map.Entry<String, byte[]>> rows;
        private int at;
        private String last;

        Rows(boolean values) {
            this.values = values;
            this.rows = page(null, values);
        }

        @Override
        public boolean hasNext() {
            if (at < rows.size()) {
                return true;
            }
            if (rows.size() < PAGE) {
                return false;
            }
            rows = page(rows.get(rows.size() - 1).getKey(), values);
            at = 0;
            return !rows.isEmpty();
        }

        @Override
        public Map.Entry<String, byte[]> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            var row = rows.get(at++);
            last = row.getKey();
            return row;
        }

        @Override
        public void remove() {
            if (last == null) {
                throw new IllegalStateException();
            }
            SqlTable.this.remove(last);
            last = null;
        }
    }

    @Override
    public Set<Map.Entry<String, byte[]>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, byte[]>> iterator() {
                return new Rows(true);
            }

            @Override
            public int size() {
                return SqlTable.this.size();
            }
        };
    }

    @Override
    public Set<String> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<String> iterator() {
                Rows rows = new Rows(false);
                return new Iterator<>() {
                    public boolean hasNext() {
                        return rows.hasNext();
                    }

                    public String next() {
                        return rows.next().getKey();
                    }

                    public void remove() {
                        rows.remove();
                    }
                };
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }

            @Override
            public int size() {
                return SqlTable.this.size();
            }
        };
    }

    @Override
    public Collection<byte[]> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<byte[]> iterator() {
                Rows rows = new Rows(true);
                return new Iterator<>() {
                    public boolean hasNext() {
                        return rows.hasNext();
                    }

                    public byte[] next() {
                        return rows.next().getValue();
                    }
                };
            }

            @Override
            public int size() {
                return SqlTable.this.size();
            }
        };
    }
}
