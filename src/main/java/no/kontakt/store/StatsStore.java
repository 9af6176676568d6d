package no.kontakt.store;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Anonymous counters for the unit's statistics, by ISO week: {@code metric|week|dimension} → a number, or a
 * list of numbers for durations and scores. They hold no id, number or text, so they outlive retention and
 * erasure; they are incremented in the batch of the step they count.
 */
public final class StatsStore {
    private final JsonTable<Counter> counters;
    private final ZoneId zone;
    private final ValueCodec codec;

    /** One counter: how many, or the values (seconds, scores) it collected. */
    public record Counter(String metric, String week, String dimension, long count, List<Long> values) {}

    StatsStore(Storage storage, ZoneId zone, ValueCodec codec) {
        this.codec = codec;
        this.counters = new JsonTable<>(storage, "stats", Counter.class, codec);
        this.zone = zone;
        counters.map();
    }

    public String week(Instant at) {
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
