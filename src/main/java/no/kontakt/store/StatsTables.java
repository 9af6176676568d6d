package no.kontakt.store;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/** The statistics counters as one JSON table of a {@link Storage}: {@code metric|week|dimension} → a {@link Counter}. */
final class StatsTables implements StatsStore {
    private final JsonTable<Counter> counters;
    private final ZoneId zone;
    private final ValueCodec codec;
    /** The units' own time zones, by unit id (a metric {@code unit:name} is that unit's). */
    private volatile java.util.Map<String, ZoneId> unitZones = java.util.Map.of();

    StatsTables(Storage storage, ZoneId zone, ValueCodec codec) {
        this.codec = codec;
        this.counters = new JsonTable<>(storage, "stats", Counter.class, codec);
        this.zone = zone;
        counters.map();
    }

    @Override
    public void unitZones(java.util.Map<String, ZoneId> zones) {
        this.unitZones = java.util.Map.copyOf(zones);
    }

    public String week(Instant at) {
        return week(at, zone);
    }

    private static String week(Instant at, ZoneId zone) {
        var d = at.atZone(zone);
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public void increment(Batch batch, String metric, Instant at, String dimension) {
        add(batch, metric, at, dimension, null, 1);
    }

    /** Counts one more and keeps {@code value} (a duration in seconds, a score). */
    public void record(Batch batch, String metric, Instant at, String dimension, long value) {
        add(batch, metric, at, dimension, value, 1);
    }

    /** Counts {@code n} more (SMS segments). */
    public void count(Batch batch, String metric, Instant at, String dimension, long n) {
        add(batch, metric, at, dimension, null, n);
    }

    private void add(Batch batch, String metric, Instant at, String dimension, Long value, long n) {
        int colon = metric.indexOf(':');
        String week = week(at, colon < 0 ? zone : unitZones.getOrDefault(metric.substring(0, colon), zone));
        String dim = dimension == null ? "" : dimension;
        String key = metric + "|" + week + "|" + dim;
        batch.update("stats", key, current -> {
            Counter c = current == null ? new Counter(metric, week, dim, 0, List.of()) : codec.decode(current, Counter.class);
            List<Long> values = c.values() == null ? new ArrayList<>() : new ArrayList<>(c.values());
            if (value != null) {
                values.add(value);
            }
            return codec.encode(new Counter(metric, week, dim, c.count() + n, values));
        });
    }

    public List<Counter> all() {
        return counters.withPrefix("");
    }
}
