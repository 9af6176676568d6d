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

    /** The ISO week last named in a zone, with the instants it runs from (inclusive) and to: every message counts in one. */
    private record Week(Instant from, Instant to, String name) {}

    private final java.util.Map<ZoneId, Week> lastWeeks = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void unitZones(java.util.Map<String, ZoneId> zones) {
        this.unitZones = java.util.Map.copyOf(zones);
    }

    public String week(Instant at) {
        return week(at, zone);
    }

    private String week(Instant at, ZoneId in) {
        Week w = lastWeeks.get(in);
        if (w == null || at.isBefore(w.from()) || !at.isBefore(w.to())) {
            var d = at.atZone(in);
            String name = String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            var monday = d.toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            w = new Week(monday.atStartOfDay(in).toInstant(), monday.plusWeeks(1).atStartOfDay(in).toInstant(), name);
            lastWeeks.put(in, w);
        }
        return w.name();
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
