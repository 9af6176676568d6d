package no.kontakt.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the benchmark runs: closed-loop clients and windows, the open-loop rate, windows and connections, how many
 * conversations the filled store holds (0: no such run), the JVM flags of both servers, an optional folder for
 * Flight Recorder profiles of Kontakt, where it works, and how long each NLU part is timed. The {@code bench}
 * command's defaults run in under five minutes.
 */
public record BenchOptions(int clients, Duration warmup, Duration saturation, int rate, Duration latencyWarmup, Duration latency,
                           int connections, long stored, List<String> jvmFlags, Path jfrDir, Path workDir, boolean keep,
                           Path config, long nluMillis) {}
