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
 * measured in turn in the same run, start-up and NLU, over loopback; prints one table and {@code ratio_vs_bare_javalin=}.
 * {@code --quick} is the small run for CI (under a minute); any option given explicitly wins over either set of defaults.
 * With {@code --postgres URL} (or {@code KONTAKT_BENCH_DATABASE_URL}) it also measures Kontakt on that PostgreSQL, one
 * instance and two, in new schemas it drops after.
 */
@Command(name = "bench", description = "Benchmark Kontakt against a bare Javalin endpoint over loopback (about 5 minutes, "
        + "--quick under one); prints one table.")
public final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    ConfigFile app;

    @Option(names = "--quick", description = "small numbers for CI: 20,000 stored, one round of short windows")
    boolean quick;

    @Option(names = "--clients", description = "closed-loop connections (default: 64)")
    Integer clients;

    @Option(names = "--warmup", description = "seconds of closed-loop warm-up of each server before the rounds (default: 8, quick 2)")
    Integer warmup;

    @Option(names = "--saturation", description = "seconds of closed-loop measurement a round (default: 8, quick 3)")
    Integer saturation;

    @Option(names = "--rate", description = "open-loop rate, messages a second (default: 1000)")
    Integer rate;

    @Option(names = "--latency-warmup", description = "seconds of open loop before each measurement (default: 2, quick 1)")
    Integer latencyWarmup;

    @Option(names = "--latency", description = "seconds of open-loop measurement a round (default: 10, quick 3)")
    Integer latency;

    @Option(names = "--rounds", description = "rounds; each measures every server once, in turn (default: 3, quick 1)")
    Integer rounds;

    @Option(names = "--nlu-ms", description = "milliseconds each NLU part is timed, after as many of warm-up (default: 1000, quick 200)")
    Long nluMillis;

    @Option(names = "--stored", description = "conversations in the filled store; 0 skips it (default: 1000000, quick 20000)")
    Long stored;

    @Option(names = "--seed", description = "folder where the filled store is kept and reused by later runs (default: ${DEFAULT-VALUE}; "
            + "'none' loads it anew each run)", defaultValue = "target/bench-seed")
    String seed;

    @Option(names = "--jvm", description = "JVM flags of the servers, space-separated (default: ${DEFAULT-VALUE})",
            defaultValue = "-Xmx256m -XX:+UseSerialGC")
    String jvm;

    @Option(names = "--jfr", description = "folder for a Flight Recorder profile of each Kontakt server")
    Path jfr;

    @Option(names = "--work", description = "working folder (default: a temporary one, deleted after)")
    Path work;

    @Option(names = "--keep", description = "keep the working folder (stores and server logs) and the PostgreSQL schemas")
    boolean keep;

    @Option(names = "--postgres", description = "a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db) to also measure one and two "
            + "instances on, each in a new schema dropped after (the user must be allowed to create schemas); default: "
            + "KONTAKT_BENCH_DATABASE_URL, unset: no PostgreSQL columns", defaultValue = "${env:KONTAKT_BENCH_DATABASE_URL}")
    String postgres;

    @Option(names = "--postgres-user", description = "its user (default: KONTAKT_BENCH_DATABASE_USER, else postgres); "
            + "the password comes from KONTAKT_BENCH_DATABASE_PASSWORD", defaultValue = "${env:KONTAKT_BENCH_DATABASE_USER:-postgres}")
    String postgresUser;

    @Override
    public Integer call() throws Exception {
        List<String> flags = jvm.isBlank() ? List.of() : Arrays.asList(jvm.strip().split("\\s+"));
        int c = or(clients, 64, 64);
        BenchOptions options = new BenchOptions(c, Duration.ofSeconds(or(warmup, 8, 2)), Duration.ofSeconds(or(saturation, 8, 3)), or(rate, 1000, 1000),
                Duration.ofSeconds(or(latencyWarmup, 2, 1)), Duration.ofSeconds(or(latency, 10, 3)), c, or(rounds, 3, 1),
                stored != null ? stored : quick ? 20_000 : 1_000_000, seed.equals("none") ? null : Path.of(seed), flags, jfr, work, keep,
                app.configPath(), nluMillis != null ? nluMillis : quick ? 200 : 1000, postgres());
        if (options.rounds() < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        new Bench(options, System.err).run(out);
        return 0;
    }

    private BenchOptions.Postgres postgres() {
        if (postgres == null || postgres.isBlank()) {
            return null;
        }
        if (!postgres.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("--postgres must be a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/kontakt");
        }
        String password = System.getenv("KONTAKT_BENCH_DATABASE_PASSWORD");
        return new BenchOptions.Postgres(postgres.strip(), postgresUser, password == null ? "" : password);
    }

    private int or(Integer given, int full, int small) {
        return given != null ? given : quick ? small : full;
    }
}
