package no.kontakt.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.kontakt.wiring.Core;
import no.kontakt.config.AppConfig;
import no.kontakt.config.ConfigLoader;
import no.kontakt.inbox.Accounts;
import no.kontakt.store.InMemoryStorage;
import no.kontakt.store.MapDbStorage;
import no.kontakt.store.SealedJson;
import no.kontakt.store.Stores;

/**
 * The benchmark: a bare Javalin endpoint and Kontakt (on an empty store, then on a store the loader filled), each
 * in a JVM of its own with the same flags, driven over loopback by this JVM; and the NLU timed in this JVM. Prints
 * one table. Nothing leaves the machine: Kontakt runs with the dev sender, and no Twilio account is configured.
 */
public final class Bench {
    private static final String PATH = "/twilio/sms";
    private static final String STAFF = "bench";

    private final BenchOptions options;
    private final PrintStream progress;
    private final byte[] secret = new byte[32];
    private final String authToken;
    private final char[] password;

    public Bench(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
        SecureRandom random = new SecureRandom();
        random.nextBytes(secret);
        byte[] token = new byte[16];
        random.nextBytes(token);
        this.authToken = HexFormat.of().formatHex(token);
        this.password = ("bench-" + HexFormat.of().formatHex(token)).toCharArray();
    }

    /** Runs every part and prints the table to {@code out}. */
    public void run(PrintStream out) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        String loadAtStart = load();
        // a folder of its own, even inside --work: only what the bench made is deleted after
        Path work = options.workDir() != null ? Files.createTempDirectory(Files.createDirectories(options.workDir()), "kontakt-bench")
                : Files.createTempDirectory("kontakt-bench");
        try {
            Map<String, String> env = env(work.resolve("nlu"), 0);
            AppConfig config = new ConfigLoader(env::get).load(options.config());
            NluTimings.Result nlu;
            List<StoreLoader.Template> templates;
            try (Core inProcess = Core.open(config, new InMemoryStorage(), env::get, Clock.systemUTC(), Core.Options.NONE)) {
                say("NLU timings and the loader's conversations, in this JVM");
                nlu = NluTimings.measure(inProcess, config.conversations().dir().resolve("intents.yaml"), options.nluMillis());
                templates = StoreLoader.templates(inProcess);
            }
            Report.Column baseline = baseline(work);
            List<Report.Column> kontakt = new ArrayList<>();
            kontakt.add(kontakt(work, 0, templates, config.unit().timeZone()));
            if (options.stored() > 0) {
                kontakt.add(kontakt(work, options.stored(), templates, config.unit().timeZone()));
            }
            String header = String.format(java.util.Locale.ROOT, "Kontakt benchmark, %s: %d cores, Java %s; both servers forked with %s; "
                            + "client in this JVM over loopback; took %.0f s; load average %s at the start, %s at the end",
                    Instant.now().toString().substring(0, 16).replace('T', ' '), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), String.join(" ", options.jvmFlags()), (System.nanoTime() - t0) / 1e9, loadAtStart, load());
            Report.print(out, header, baseline, kontakt, nlu, options);
        } finally {
            if (!options.keep()) {
                delete(work);
            } else {
                say("kept " + work);
            }
        }
    }

    private Report.Column baseline(Path work) throws InterruptedException {
        int port = Fork.freePort();
        say("bare Javalin on port " + port);
        try (Fork bare = Fork.start(Fork.java(options.jvmFlags(), BareServer.class.getName(), String.valueOf(port)), baseEnv(),
                port, work.resolve("bare.log"), Duration.ofSeconds(60))) {
            Traffic traffic = new Traffic(new TwilioSigner(authToken, "http://127.0.0.1:" + port + PATH), Traffic.FIRST_LIVE);
            ClosedLoop.Result saturation = ClosedLoop.run(port, PATH, traffic, options.clients(), options.warmup().dividedBy(2), options.saturation(),
                    bare::cpuNanos);
            say(String.format(java.util.Locale.ROOT, "  saturation %.0f msg/s", saturation.perSecond()));
            OpenLoop.Result latency = OpenLoop.run(port, PATH, traffic, options.rate(), options.latencyWarmup(), options.latency(), options.connections());
            return new Report.Column("bare Javalin", bare.startup.toNanos() / 1e9, -1, saturation, latency, -1, -1, -1, -1);
        }
    }

    private Report.Column kontakt(Path work, long stored, List<StoreLoader.Template> templates, ZoneId zone) throws IOException, InterruptedException {
        Path data = Files.createDirectories(work.resolve("store-" + stored));
        double loadSeconds = -1;
        if (stored > 0) {
            say(String.format(java.util.Locale.ROOT, "loading %,d conversations", stored));
            loadSeconds = new StoreLoader(secret, templates, Instant.now()).load(data, stored).toNanos() / 1e9;
            say(String.format(java.util.Locale.ROOT, "  loaded in %.1f s", loadSeconds));
        }
        try (Stores stores = new Stores(MapDbStorage.open(data), 8, zone, new SealedJson(secret, null))) {
            new Accounts(stores, Clock.systemUTC()).add(STAFF, "staff", password.clone());
            if (stores.conversations().count() < stored) {
                throw new IllegalStateException("the loaded store holds " + stores.conversations().count() + " conversations, not " + stored);
            }
        }
        int port = Fork.freePort();
        String name = String.format(java.util.Locale.ROOT, "Kontakt, %,d stored", stored);
        say(name + " on port " + port);
        List<String> flags = new ArrayList<>(options.jvmFlags());
        if (options.jfrDir() != null) {
            Files.createDirectories(options.jfrDir());
            flags.add("-XX:StartFlightRecording=filename=" + options.jfrDir().toAbsolutePath().resolve("kontakt-" + stored + ".jfr")
                    + ",settings=profile,dumponexit=true");
        }
        List<String> command = Fork.java(flags, "no.kontakt.App", "--config", options.config().toAbsolutePath().toString(), "serve");
        try (Fork server = Fork.start(command, env(data, port), port, work.resolve("kontakt-" + stored + ".log"), Duration.ofSeconds(120))) {
            Traffic traffic = new Traffic(new TwilioSigner(authToken, "http://127.0.0.1:" + port + PATH), Traffic.FIRST_LIVE);
            double firstAnswer = firstAnswer(server, traffic);
            say(String.format(java.util.Locale.ROOT, "  /health 200 after %.2f s, first message answered after %.2f s",
                    server.startup.toNanos() / 1e9, firstAnswer));
            ClosedLoop.Result saturation = ClosedLoop.run(port, PATH, traffic, options.clients(), options.warmup(), options.saturation(),
                    server::cpuNanos);
            say(String.format(java.util.Locale.ROOT, "  saturation %.0f msg/s", saturation.perSecond()));
            OpenLoop.Result latency = OpenLoop.run(port, PATH, traffic, options.rate(), options.latencyWarmup(), options.latency(), options.connections());
            say(String.format(java.util.Locale.ROOT, "  p99 at %d msg/s %.1f ms", options.rate(), latency.latency().getValueAtPercentile(99) / 1e6));
            Probes probes = Probes.of(port, STAFF, new String(password));
            long heap = server.heapAfterGc();
            return new Report.Column(name, server.startup.toNanos() / 1e9, firstAnswer, saturation, latency, heap, probes.queueMillis(),
                    probes.metricsMillis(), loadSeconds);
        }
    }

    /**
     * Seconds from the process's start to the answer to its first webhook, sent as soon as {@code /health} says 200
     * (the language model and the intent classifier may still be loading then: the first message waits for them).
     */
    private static double firstAnswer(Fork server, Traffic traffic) throws IOException {
        try (HttpConnection http = new HttpConnection(server.port)) {
            Traffic.Request request = traffic.request(traffic.newConversation(), 0);
            HttpConnection.Response response = http.send("POST", PATH, request.headers(), request.body());
            if (response.status() != 200) {
                throw new IllegalStateException("the first webhook was answered " + response.status() + ": " + response.body());
            }
        }
        return (System.nanoTime() - server.startedNanos) / 1e9;
    }

    /** The environment of a Kontakt fork: the default configuration's, on this store and port, signing on, no Twilio account. */
    private Map<String, String> env(Path data, int port) {
        Map<String, String> env = baseEnv();
        env.put("KONTAKT_PORT", String.valueOf(port));
        env.put("KONTAKT_DATA_DIR", data.toAbsolutePath().toString());
        env.put("KONTAKT_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("KONTAKT_TWILIO_AUTH_TOKEN", authToken);
        env.put("KONTAKT_SECRET_KEY", Base64.getEncoder().encodeToString(secret));
        return env;
    }

    /** This process's environment without any KONTAKT_ variable: no account, on-call phone or key of the operator's leaks in. */
    private static Map<String, String> baseEnv() {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((k, v) -> {
            if (!k.startsWith("KONTAKT_")) {
                env.put(k, v);
            }
        });
        return env;
    }

    /** The one-minute load average (Linux), so a reader sees how busy the machine was; "?" elsewhere. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private void say(String line) {
        progress.println("bench: " + line);
        progress.flush();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
