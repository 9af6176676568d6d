package no.kontakt.store;

import java.time.Instant;
import java.util.List;

/**
 * Anonymous counters for the unit's statistics, by ISO week (in the unit's time zone) and metric and dimension: a
 * number, or a list of numbers for durations and scores. They hold no id, number or text, so they outlive retention
 * and erasure; they are incremented in the batch of the step they count, and increments of one batch group add up.
 */
public interface StatsStore {
    /** One counter: how many, or the values (seconds, scores) it collected. */
    record Counter(String metric, String week, String dimension, long count, List<Long> values) {}

    /** The ISO week of {@code at} in the unit's time zone, as {@code 2026-W48}. */
    String week(Instant at);

    void increment(Batch batch, String metric, Instant at, String dimension);

    /** Counts one more and keeps {@code value} (a duration in seconds, a score). */
    void record(Batch batch, String metric, Instant at, String dimension, long value);

    /** Counts {@code n} more (SMS segments). */
    void count(Batch batch, String metric, Instant at, String dimension, long n);

    /** Every counter, by metric, week and dimension. */
    List<Counter> all();

    /**
     * The time zones of units other than the default whose weeks differ: a unit's counters ({@code unit:metric}) are
     * then counted by the ISO week in its own zone. Stores that count in one zone only may ignore it.
     */
    default void unitZones(java.util.Map<String, java.time.ZoneId> zones) {
    }
}
