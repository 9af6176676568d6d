package no.kontakt.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import no.kontakt.bench.Bench;
import no.kontakt.bench.BenchOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench}: throughput and latency of Kontakt beside a bare Javalin endpoint, on an empty and on a filled store,
 * start-up and NLU, over loopback; prints one table and {@code ratio_vs_bare_javalin=}.
 */
@Command(name = "bench", description = "Benchmark Kontakt against a bare Javalin endpoint over loopback (about 4 minutes); prints one table.")
public final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    ConfigFile app;

    @Option(names = "--clients", description = "closed-loop connections (default: ${DEFAULT-VALUE})", defaultValue = "64")
    int clients;

    @Option(names = "--warmup", description = "seconds of closed-loop warm-up before the measurement (default: ${DEFAULT-VALUE})",
            defaultValue = "8")
    int warmup;

    @Option(names = "--saturation", description = "seconds of closed-loop measurement (default: ${DEFAULT-VALUE})", defaultValue = "12")
    int saturation;

    @Option(names = "--rate", description = "open-loop rate, messages a second (default: ${DEFAULT-VALUE})", defaultValue = "1000")
    int rate;

    @Option(names = "--latency-warmup", description = "seconds of open loop before its measurement (default: ${DEFAULT-VALUE})",
            defaultValue = "3")
    int latencyWarmup;

    @Option(names = "--latency", description = "seconds of open-loop measurement (default: ${DEFAULT-VALUE})", defaultValue = "15")
    int latency;

    @Option(names = "--nlu-ms", description = "milliseconds each NLU part is timed, after as many of warm-up (default: ${DEFAULT-VALUE})",
            defaultValue = "1000")
    long nluMillis;

    @Option(names = "--stored", description = "conversations in the filled store; 0 skips it (default: ${DEFAULT-VALUE})", defaultValue = "1000000")
    long stored;

    @Option(names = "--jvm", description = "JVM flags of both servers, space-separated (default: ${DEFAULT-VALUE})",
            defaultValue = "-Xmx256m -XX:+UseSerialGC")
    String jvm;

    @Option(names = "--jfr", description = "folder for a Flight Recorder profile of each Kontakt run")
    Path jfr;

    @Option(names = "--work", description = "working folder (default: a temporary one, deleted after)")
    Path work;

    @Option(names = "--keep", description = "keep the working folder (stores and server logs)")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        List<String> flags = jvm.isBlank() ? List.of() : Arrays.asList(jvm.strip().split("\\s+"));
        BenchOptions options = new BenchOptions(clients, Duration.ofSeconds(warmup), Duration.ofSeconds(saturation), rate,
                Duration.ofSeconds(latencyWarmup), Duration.ofSeconds(latency), clients, stored, flags, jfr, work, keep, app.configPath(), nluMillis);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        new Bench(options, System.err).run(out);
        return 0;
    }
}
