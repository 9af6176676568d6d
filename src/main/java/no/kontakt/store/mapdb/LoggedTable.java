package no.kontakt.store.mapdb;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;

/**
 * A table of the MapDB store as its users see it: reads go to the B-tree; every write goes to the B-tree and to the
 * writes of the open commit ({@link MapDbStorage#logPut}, {@link MapDbStorage#logRemove}), which the commit appends to
 * the {@link CommitLog}. Views (ranges, key and entry sets) are read-only: the store writes keys one at a time.
 */
final class LoggedTable extends AbstractMap<String, byte[]> implements NavigableMap<String, byte[]> {
    private final MapDbStorage storage;
    private final String name;
    private final NavigableMap<String, byte[]> tree;

    LoggedTable(MapDbStorage storage, String name, NavigableMap<String, byte[]> tree) {
        this.storage = storage;
        this.name = name;
        this.tree = tree;
    }

    /** The B-tree itself, for writes that are in the log already (a replay). */
    NavigableMap<String, byte[]> tree() {
        return tree;
    }

    // ---- writes

    @Override
    public byte[] put(String key, byte[] value) {
        if (key == null || value == null) {
            throw new NullPointerException("a table holds no null key or value");
        }
        byte[] previous = tree.put(key, value);
        storage.logPut(name, key, value, previous);
        return previous;
    }

    @Override
    public byte[] remove(Object key) {
        if (!(key instanceof String k)) {
            return null;
        }
        byte[] previous = tree.remove(k);
        if (previous != null) {
            storage.logRemove(name, k, previous);
        }
        return previous;
    }

    @Override
    public void putAll(Map<? extends String, ? extends byte[]> m) {
        m.forEach(this::put);
    }

    @Override
    public void clear() {
        for (String key : java.util.List.copyOf(tree.keySet())) {
            remove(key);
        }
    }

    @Override
    public Entry<String, byte[]> pollFirstEntry() {
        Entry<String, byte[]> first = tree.firstEntry();
        if (first != null) {
            remove(first.getKey());
        }
        return first;
    }

    @Override
    public Entry<String, byte[]> pollLastEntry() {
        Entry<String, byte[]> last = tree.lastEntry();
        if (last != null) {
            remove(last.getKey());
        }
        return last;
    }

    // ---- reads

    @Override
    public byte[] get(Object key) {
        return tree.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return tree.containsKey(key);
    }

    @Override
    public int size() {
        return tree.size();
    }

    @Override
    public boolean isEmpty() {
        return tree.isEmpty();
    }

    @Override
    public Set<Entry<String, byte[]>> entrySet() {
        return Collections.unmodifiableSet(tree.entrySet());
    }

    @Override
    public Set<String> keySet() {
        return navigableKeySet();
    }

    @Override
    public Collection<byte[]> values() {
        return Collections.unmodifiableCollection(tree.values());
    }

    @Override
    public Comparator<? super String> comparator() {
        return tree.comparator();
    }

    @Override
    public String firstKey() {
        return tree.firstKey();
    }

    @Override
    public String lastKey() {
        return tree.lastKey();
    }

    @Override
    public Entry<String, byte[]> lowerEntry(String key) {
        return tree.lowerEntry(key);
    }

    @Override
    public String lowerKey(String key) {
        return tree.lowerKey(key);
    }

    @Override
    public Entry<String, byte[]> floorEntry(String key) {
        return tree.floorEntry(key);
    }

    @Override
    public String floorKey(String key) {
        return tree.floorKey(key);
    }

    @Override
    public Entry<String, byte[]> ceilingEntry(String key) {
        return tree.ceilingEntry(key);
    }

    @Override
    public String ceilingKey(String key) {
        return tree.ceilingKey(key);
    }

    @Override
    public Entry<String, byte[]> higherEntry(String key) {
        return tree.higherEntry(key);
    }

    @Override
    public String higherKey(String key) {
        return tree.higherKey(key);
    }

    @Override
    public Entry<String, byte[]> firstEntry() {
        return tree.firstEntry();
    }

    @Override
    public Entry<String, byte[]> lastEntry() {
        return tree.lastEntry();
    }

    @Override
    public NavigableMap<String, byte[]> descendingMap() {
        return Collections.unmodifiableNavigableMap(tree.descendingMap());
    }

    @Override
    public NavigableSet<String> navigableKeySet() {
        return Collections.unmodifiableNavigableSet(tree.navigableKeySet());
    }

    @Override
    public NavigableSet<String> descendingKeySet() {
        return Collections.unmodifiableNavigableSet(tree.descendingKeySet());
    }

    @Override
    public NavigableMap<String, byte[]> subMap(String fromKey, boolean fromInclusive, String toKey, boolean toInclusive) {
        return Collections.unmodifiableNavigableMap(tree.subMap(fromKey, fromInclusive, toKey, toInclusive));
    }

    @Override
    public NavigableMap<String, byte[]> headMap(String toKey, boolean inclusive) {
        return Collections.unmodifiableNavigableMap(tree.headMap(toKey, inclusive));
    }

    @Override
    public NavigableMap<String, byte[]> tailMap(String fromKey, boolean inclusive) {
        return Collections.unmodifiableNavigableMap(tree.tailMap(fromKey, inclusive));
    }

    @Override
    public NavigableMap<String, byte[]> subMap(String fromKey, String toKey) {
        return subMap(fromKey, true, toKey, false);
    }

    @Override
    public NavigableMap<String, byte[]> headMap(String toKey) {
        return headMap(toKey, false);
    }

    @Override
    public NavigableMap<String, byte[]> tailMap(String fromKey) {
        return tailMap(fromKey, true);
    }
}
