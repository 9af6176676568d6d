package no.kontakt.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How the benchmark runs: closed-loop clients, the first warm-up of each server and the measured windows, the
 * open-loop rate, windows and connections, how many rounds (each round measures every server once, in turn), how
 * many conversations the filled store holds (0: no such run), the folder where a filled store is kept to be reused
 * (null: built anew each run), the JVM flags of all servers, an optional folder for Flight Recorder profiles of
 * Kontakt, where it works, how long each NLU part is timed, and the PostgreSQL to measure one and two instances on
 * (null: no such columns).
 */
public record BenchOptions(int clients, Duration warmup, Duration saturation, int rate, Duration latencyWarmup, Duration latency,
                           int connections, int rounds, long stored, Path seedDir, List<String> jvmFlags, Path jfrDir, Path workDir,
                           boolean keep, Path config, long nluMillis, Postgres postgres) {

    /**
     * A PostgreSQL server the bench may create schemas in: its JDBC URL ({@code jdbc:postgresql://host:5432/db}), user
     * and password. Each run makes a schema of its own for each PostgreSQL column and drops it after.
     */
    public record Postgres(String url, String user, String password) {
        @Override
        public String toString() {
            return "Postgres[" + url + " as " + user + "]"; // never the password
        }
    }
}
