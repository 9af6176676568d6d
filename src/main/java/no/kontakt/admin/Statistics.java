package no.kontakt.admin;

import java.util.ArrayList;
import no.kontakt.conversation.UnitStats;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kontakt.store.StatsStore;
import no.kontakt.store.StatsStore;

/**
 * The unit's statistics, from the anonymous counters only: per ISO week, each metric by its dimension, with
 * the median and 90th percentile of durations (time to first staff contact, in opening hours) and of scores.
 */
public final class Statistics {
    private final StatsStore statsStore;

    public Statistics(StatsStore statsStore) {
        this.statsStore = statsStore;
    }

    /** One row: a metric in a week by one dimension. */
    public record Row(String week, String metric, String dimension, long count, Double median, Double p90, Double average) {}

    public List<Row> rows(String fromWeek, String toWeek) {
        return rows(fromWeek, toWeek, null);
    }

    /** The rows of one unit ({@code unit}: another unit's id; null: the default unit), its metrics named as usual. */
    public List<Row> rows(String fromWeek, String toWeek, String unit) {
        List<Row> rows = new ArrayList<>();
        for (StatsStore.Counter c : statsStore.all()) {
            if (!java.util.Objects.equals(UnitStats.unitOf(c.metric()), unit)) {
                continue;
            }
            if ((fromWeek != null && c.week().compareTo(fromWeek) < 0) || (toWeek != null && c.week().compareTo(toWeek) > 0)) {
                continue;
            }
            List<Long> values = c.values() == null ? List.of() : c.values().stream().sorted().toList();
            rows.add(new Row(c.week(), UnitStats.metricOf(c.metric()), c.dimension(), c.count(),
                    values.isEmpty() ? null : quantile(values, 0.5), values.isEmpty() ? null : quantile(values, 0.9),
                    values.isEmpty() ? null : values.stream().mapToLong(Long::longValue).average().orElse(0)));
        }
        rows.sort(Comparator.comparing(Row::week).thenComparing(Row::metric).thenComparing(Row::dimension));
        return rows;
    }

    public Map<String, Object> json(String fromWeek, String toWeek) {
        return json(fromWeek, toWeek, null, null);
    }

    /** {@code unitId} is shown as {@code unit}; {@code unit} picks the counters (null: the default unit's). */
    public Map<String, Object> json(String fromWeek, String toWeek, String unit, String unitId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", fromWeek);
        out.put("to", toWeek);
        if (unitId != null) {
            out.put("unit", unitId);
        }
        out.put("rows", rows(fromWeek, toWeek, unit));
        return out;
    }

    public String csv(String fromWeek, String toWeek) {
        return csv(fromWeek, toWeek, null);
    }

    public String csv(String fromWeek, String toWeek, String unit) {
        StringBuilder csv = new StringBuilder("week,metric,dimension,count,median,p90,average\n");
        for (Row r : rows(fromWeek, toWeek, unit)) {
            csv.append(r.week()).append(',').append(r.metric()).append(',').append(r.dimension()).append(',').append(r.count()).append(',')
                    .append(r.median() == null ? "" : r.median()).append(',').append(r.p90() == null ? "" : r.p90()).append(',')
                    .append(r.average() == null ? "" : String.format(java.util.Locale.ROOT, "%.2f", r.average())).append('\n');
        }
        return csv.toString();
    }

    /** Nearest-rank quantile of sorted values. */
    static double quantile(List<Long> sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
