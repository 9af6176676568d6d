package no.kontakt.store;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;

/** A table of one record type, stored as JSON: the piece every role store is built from. */
final class JsonTable<T> {
    private final Storage storage;
    private final String name;
    private final Class<T> type;
    private final ValueCodec codec;

    JsonTable(Storage storage, String name, Class<T> type) {
        this(storage, name, type, ValueCodec.PLAIN);
    }

    JsonTable(Storage storage, String name, Class<T> type, ValueCodec codec) {
        this.storage = storage;
        this.name = name;
        this.type = type;
        this.codec = codec;
    }

    ValueCodec codec() {
        return codec;
    }

    Optional<T> get(String key) {
        byte[] bytes = map().get(key);
        return bytes == null ? Optional.empty() : Optional.of(codec.decode(bytes, type));
    }

    void put(Batch batch, String key, T value) {
        batch.put(name, key, codec.encode(value));
    }

    void remove(Batch batch, String key) {
        batch.remove(name, key);
    }

    /**
     * Records whose key starts with {@code prefix}, in key order. Copied by iterating: a stream of a MapDB view
     * sizes its array before it walks, and fails when the committer adds a key in between.
     */
    List<T> withPrefix(String prefix) {
        List<T> out = new ArrayList<>();
        for (byte[] value : map().subMap(prefix, true, prefix + Character.MAX_VALUE, false).values()) {
            out.add(codec.decode(value, type));
        }
        return out;
    }

    /** The record with the greatest key that starts with {@code prefix}: one value read, however many share the prefix. */
    Optional<T> lastWithPrefix(String prefix) {
        var last = map().subMap(prefix, true, prefix + Character.MAX_VALUE, false).lastEntry();
        return last == null ? Optional.empty() : Optional.of(codec.decode(last.getValue(), type));
    }

    List<String> keys() {
        return List.copyOf(map().keySet());
    }

    long count() {
        return map().size();
    }

    String name() {
        return name;
    }

    NavigableMap<String, byte[]> map() {
        return storage.table(name);
    }
}
