package no.kontakt.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the benchmark runs: closed-loop clients and windows, the open-loop rate and windows, how many conversations
 * the large store holds, the JVM flags of both servers, and where it works. {@link #standard} stays under five minutes.
 */
public record BenchOptions(int clients, Duration warmup, Duration saturation, int rate, Duration latencyWarmup, Duration latency,
                           int connections, long stored, List<String> jvmFlags, Path jfrDir, Path workDir, boolean keep,
                           Path config, long nluMillis) {

    public static final List<String> JVM_FLAGS = List.of("-Xmx256m");

    public static BenchOptions standard(Path config) {
        return new BenchOptions(64, Duration.ofSeconds(10), Duration.ofSeconds(15), 1000, Duration.ofSeconds(3), Duration.ofSeconds(20),
                64, 1_000_000, JVM_FLAGS, null, null, false, config, 1000);
    }

    /** A few seconds in all: for the test that keeps the command working. */
    public static BenchOptions tiny(Path config, Path workDir) {
        return new BenchOptions(4, Duration.ofSeconds(1), Duration.ofSeconds(2), 40, Duration.ofSeconds(1), Duration.ofSeconds(2),
                4, 2_000, JVM_FLAGS, null, workDir, false, config, 50);
    }
}
