package no.kontakt.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The one table the benchmark prints, and the {@code ratio_vs_bare_javalin=} line. */
final class Report {
    /** What one server measured; fields a server has no figure for are negative or null. */
    record Column(String name, double startupSeconds, double firstAnswerSeconds, ClosedLoop.Result saturation, OpenLoop.Result latency,
                  long heapBytes, double queueMillis, double metricsMillis, double loadSeconds) {}

    private Report() {}

    static void print(PrintStream out, String header, Column baseline, List<Column> kontakt, NluTimings.Result nlu, BenchOptions o) {
        List<Column> all = new ArrayList<>(List.of(baseline));
        all.addAll(kontakt);
        double p99Empty = kontakt.get(0).latency().latency().getValueAtPercentile(99);
        out.println(header);
        out.println();
        out.println(row("", all.stream().map(Column::name).toList(), "target"));
        out.println(row("---", all.stream().map(c -> "---:").toList(), "---"));
        out.println(row("start-up to /health 200 (s)", all.stream().map(c -> fixed(c.startupSeconds(), 2)).toList(), "≤ 3"));
        out.println(row("start-up to the first message answered (s)", all.stream().map(c -> fixed(c.firstAnswerSeconds(), 2)).toList(), ""));
        out.println(row("saturation (msg/s, " + o.clients() + " clients, closed loop)",
                all.stream().map(c -> String.format(Locale.ROOT, "%,.0f", c.saturation().perSecond())).toList(), ""));
        out.println(row("server CPU per message at saturation (ms)", all.stream().map(c -> fixed(c.saturation().cpuMillisPerMessage(), 3)).toList(), ""));
        out.println(row("ratio to bare Javalin", all.stream().map(c -> fixed(c.saturation().perSecond() / baseline.saturation().perSecond(), 3)).toList(), "≥ 0.30"));
        for (double p : new double[] {50, 99, 99.9}) {
            out.println(row("latency p" + (p == 99.9 ? "99.9" : String.valueOf((int) p)) + " at " + o.rate() + " msg/s, open loop (ms)",
                    all.stream().map(c -> millis(c.latency().latency(), p)).toList(), p == 99 ? "≤ 25" : ""));
        }
        out.println(row("latency max (ms)", all.stream().map(c -> fixed(c.latency().latency().getMaxValue() / 1e6, 1)).toList(), ""));
        out.println(row("p99 / p99 of the empty store", all.stream().map(c -> c == baseline ? "" :
                fixed(c.latency().latency().getValueAtPercentile(99) / p99Empty, 2)).toList(), "≤ 1.2"));
        out.println(row("heap after GC (MiB)", all.stream().map(c -> c.heapBytes() < 0 ? "" : fixed(c.heapBytes() / 1048576.0, 0)).toList(), "≤ 256"));
        out.println(row("errors (non-200 or failed)", all.stream().map(c -> String.valueOf(c.saturation().errors() + c.latency().errors())).toList(), "0"));
        out.println(row("conversations confirmed / finished", all.stream().map(c -> c == baseline ? "" :
                (c.saturation().confirmed() + c.latency().confirmed()) + " / " + (c.saturation().conversations() + c.latency().conversations())).toList(), ""));
        out.println(row("staff queue, urgent filter (ms)", all.stream().map(c -> c.queueMillis() < 0 ? "" : fixed(c.queueMillis(), 1)).toList(), ""));
        out.println(row("GET /metrics (ms)", all.stream().map(c -> c.metricsMillis() < 0 ? "" : fixed(c.metricsMillis(), 1)).toList(), ""));
        out.println(row("store filled by the loader (s)", all.stream().map(c -> c.loadSeconds() < 0 ? "" : fixed(c.loadSeconds(), 1)).toList(), ""));
        out.println(row(String.format(Locale.ROOT, "NLU per message (µs): language %.0f, intent %.0f, risk %.0f; intent training %.0f ms",
                nlu.languageMicros(), nlu.intentMicros(), nlu.riskMicros(), nlu.trainingMillis()), all.stream().map(c -> "").toList(), ""));
        out.println();
        out.println("ratio_vs_bare_javalin=" + fixed(kontakt.get(0).saturation().perSecond() / baseline.saturation().perSecond(), 3));
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
