package no.kontakt.conversation;

import java.time.Instant;
import java.util.List;
import no.kontakt.store.Batch;
import no.kontakt.store.StatsStore;

/**
 * One unit's statistics in the shared counters: its metrics are written {@code unit:metric} (the default unit's stay
 * plain, as they always were), so each unit's figures can be read on their own.
 */
public record UnitStats(StatsStore store, String unit) implements StatsStore {
    /** The counters of {@code unit} (null: the default unit, which is the store itself). */
    public static StatsStore of(StatsStore store, String unit) {
        return unit == null ? store : new UnitStats(store, unit);
    }

    /** The unit a stored metric belongs to (null: the default unit), and the metric's own name. */
    public static String unitOf(String metric) {
        int colon = metric.indexOf(':');
        return colon < 0 ? null : metric.substring(0, colon);
    }

    public static String metricOf(String metric) {
        return metric.substring(metric.indexOf(':') + 1);
    }

    @Override
    public String week(Instant at) {
        return store.week(at);
    }

    @Override
    public void increment(Batch batch, String metric, Instant at, String dimension) {
        store.increment(batch, unit + ":" + metric, at, dimension);
    }

    @Override
    public void record(Batch batch, String metric, Instant at, String dimension, long value) {
        store.record(batch, unit + ":" + metric, at, dimension, value);
    }

    @Override
    public void count(Batch batch, String metric, Instant at, String dimension, long n) {
        store.count(batch, unit + ":" + metric, at, dimension, n);
    }

    @Override
    public List<Counter> all() {
        return store.all().stream().filter(c -> unit.equals(unitOf(c.metric()))).toList();
    }
}
