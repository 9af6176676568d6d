package no.kontakt.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The one table the benchmark prints, and the {@code ratio_vs_bare_javalin=} line. The first rows are the figures
 * the targets are set for; a figure measured in several rounds is their median, with the lowest and highest round
 * in brackets, and every ratio is taken round by round against the bare endpoint (or the empty store) of the same round.
 */
final class Report {
    /** What one server measured, one entry a round; fields a server has no figure for are negative. */
    record Column(String name, double startupSeconds, double firstAnswerSeconds, List<ClosedLoop.Result> saturation, List<OpenLoop.Result> latency,
                  long heapBytes, double queueMillis, double metricsMillis, double loadSeconds) {

        double p99(int round) {
            return latency.get(round).latency().getValueAtPercentile(99) / 1e6;
        }

        Histogram allLatency() {
            Histogram all = new Histogram(TimeUnit.MINUTES.toNanos(5), 3);
            latency.forEach(r -> all.add(r.latency()));
            return all;
        }
    }

    private Report() {}

    static void print(PrintStream out, String header, Column baseline, List<Column> kontakt, NluTimings.Result nlu, BenchOptions o, String note) {
        List<Column> all = new ArrayList<>(List.of(baseline));
        all.addAll(kontakt);
        Column empty = kontakt.get(0);
        int rounds = baseline.saturation().size();
        out.println(header);
        out.println();
        out.println(row("", all.stream().map(Column::name).toList(), "target"));
        out.println(row("---", all.stream().map(c -> "---:").toList(), "---"));
        out.println(row("durable inbound throughput (msg/s, " + o.clients() + " clients, closed loop)",
                all.stream().map(c -> spread(rounds, r -> c.saturation().get(r).perSecond(), 0, true)).toList(), ""));
        out.println(row("ratio to bare Javalin", all.stream().map(c -> spread(rounds,
                r -> c.saturation().get(r).perSecond() / baseline.saturation().get(r).perSecond(), 3, false)).toList(), "≥ 0.30"));
        out.println(row("p99 webhook latency at " + o.rate() + " msg/s, open loop (ms)",
                all.stream().map(c -> spread(rounds, c::p99, 1, false)).toList(), "≤ 15"));
        out.println(row("p99 vs the empty store", all.stream().map(c -> c == baseline ? "" :
                spread(rounds, r -> c.p99(r) / empty.p99(r), 2, false)).toList(), "≤ 1.2"));
        out.println(row("heap after GC (MiB)", all.stream().map(c -> c.heapBytes() < 0 ? "" : fixed(c.heapBytes() / 1048576.0, 0)).toList(), "≤ 256"));
        out.println(row("start to /health 200 (s)", all.stream().map(c -> fixed(c.startupSeconds(), 2)).toList(), ""));
        out.println(row("start to the first message answered, NLU trained (s)", all.stream().map(c -> fixed(c.firstAnswerSeconds(), 2)).toList(), "≤ 2"));
        out.println(row("server CPU per message at saturation (ms)",
                all.stream().map(c -> spread(rounds, r -> c.saturation().get(r).cpuMillisPerMessage(), 3, false)).toList(), "≤ 0.15"));
        out.println(row("CPU per message vs bare Javalin", all.stream().map(c -> spread(rounds,
                r -> c.saturation().get(r).cpuMillisPerMessage() / baseline.saturation().get(r).cpuMillisPerMessage(), 1, false)).toList(), ""));
        out.println(row("latency p50, all rounds (ms)", all.stream().map(c -> millis(c.allLatency(), 50)).toList(), ""));
        out.println(row("latency p99.9, all rounds (ms)", all.stream().map(c -> millis(c.allLatency(), 99.9)).toList(), ""));
        out.println(row("latency max (ms)", all.stream().map(c -> fixed(c.allLatency().getMaxValue() / 1e6, 1)).toList(), ""));
        out.println(row("errors (non-200 or failed)", all.stream().map(c -> String.valueOf(c.saturation().stream().mapToLong(ClosedLoop.Result::errors).sum()
                + c.latency().stream().mapToLong(OpenLoop.Result::errors).sum())).toList(), "0"));
        out.println(row("conversations confirmed / finished", all.stream().map(c -> c == baseline ? "" :
                (c.saturation().stream().mapToLong(ClosedLoop.Result::confirmed).sum() + c.latency().stream().mapToLong(OpenLoop.Result::confirmed).sum())
                        + " / " + (c.saturation().stream().mapToLong(ClosedLoop.Result::conversations).sum()
                        + c.latency().stream().mapToLong(OpenLoop.Result::conversations).sum())).toList(), ""));
        out.println(row("staff queue, urgent filter (ms)", all.stream().map(c -> c.queueMillis() < 0 ? "" : fixed(c.queueMillis(), 1)).toList(), ""));
        out.println(row("GET /metrics (ms)", all.stream().map(c -> c.metricsMillis() < 0 ? "" : fixed(c.metricsMillis(), 1)).toList(), ""));
        out.println(row("store filled by the loader (s)", all.stream().map(c -> c.loadSeconds() < 0 ? "" : fixed(c.loadSeconds(), 1)).toList(), ""));
        List<String> blank = all.stream().map(c -> "").toList();
        out.println(row("risk assessment per message, in the bench's JVM (µs)", replaceAt(blank, 1, fixed(nlu.riskMicros(), 1)), ""));
        out.println(row("of it the risk lexicons' matching (µs)", replaceAt(blank, 1, fixed(nlu.lexiconMicros(), 1)), ""));
        out.println(row(String.format(Locale.ROOT, "NLU per message (µs): language %.0f, intent %.0f; intent training %.0f ms",
                nlu.languageMicros(), nlu.intentMicros(), nlu.trainingMillis()), blank, ""));
        out.println();
        if (!note.isEmpty()) {
            out.println(note);
        }
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratios[r] = empty.saturation().get(r).perSecond() / baseline.saturation().get(r).perSecond();
        }
        out.println("ratio_vs_bare_javalin=" + fixed(median(ratios), 3));
    }

    /** The median of the rounds, and with more than one round the lowest and highest in brackets. */
    private static String spread(int rounds, java.util.function.IntToDoubleFunction figure, int decimals, boolean grouped) {
        double[] values = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            values[r] = figure.applyAsDouble(r);
        }
        String m = grouped ? String.format(Locale.ROOT, "%,.0f", median(values)) : fixed(median(values), decimals);
        if (rounds < 2 || m.isEmpty()) {
            return m;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return grouped ? String.format(Locale.ROOT, "%s [%,.0f–%,.0f]", m, sorted[0], sorted[rounds - 1])
                : m + " [" + fixed(sorted[0], decimals) + "–" + fixed(sorted[rounds - 1], decimals) + "]";
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<String> replaceAt(List<String> cells, int index, String value) {
        List<String> copy = new ArrayList<>(cells);
        copy.set(index, value);
        return copy;
    }

    private static String row(String first, List<String> cells, String last) {
        return "| " + first + " | " + String.join(" | ", cells) + " | " + last + " |";
    }

    private static String millis(Histogram h, double percentile) {
        return fixed(h.getValueAtPercentile(percentile) / 1e6, 1);
    }

    static String fixed(double value, int decimals) {
        return Double.isNaN(value) || value < 0 ? "" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
