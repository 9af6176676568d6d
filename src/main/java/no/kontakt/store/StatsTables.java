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

    StatsTables(Storage storage, ZoneId zone, ValueCodec codec) {
        this.codec = codec;
        this.counters = new JsonTable<>(storage, "stats", Counter.class, codec);
        this.zone = zone;
        counters.map();
    }

    /** The ISO week last named, with the instants it runs from (inclusive) and to: every message counts in one. */
    private record Week(Instant from, Instant to, String name) {}

    private volatile Week lastWeek = new Week(Instant.MIN, Instant.MIN, "");

    public String week(Instant at) {
        Week w = lastWeek;
        if (at.isBefore(w.from()) || !at.isBefore(w.to())) {
            var d = at.atZone(zone);
            String name = String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            var monday = d.toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            w = new Week(monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant(), name);
            lastWeek = w;
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
        String week = week(at);
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
