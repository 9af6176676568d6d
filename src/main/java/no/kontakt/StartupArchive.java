package no.kontakt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.kontakt.channel.twilio.TwilioForm;
import no.kontakt.config.AppConfig;
import no.kontakt.config.ConfigLoader;

/**
 * The training run of the class-data-sharing archive that {@code mvn package} builds beside the jar
 * ({@code target/kontakt.jsa}): run with {@code -XX:ArchiveClassesAtExit}, it starts the server as {@code serve} does
 * on a throwaway store, asks {@code /health} and sends one citizen down the contact path, stops, and exits, so the
 * archive holds every class a start and a first conversation load. A server started with
 * {@code -XX:SharedArchiveFile=target/kontakt.jsa} then maps them instead of reading, verifying and linking them.
 */
public final class StartupArchive {
    private static final List<String> MESSAGES = List.of("hei", "1", "Jeg sover dårlig og er bekymret", "1", "etter 16", "Kari");

    private StartupArchive() {}

    /** {@code args[0]}: the configuration file. */
    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("kontakt-archive");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = Map.of("KONTAKT_DATA_DIR", work.resolve("data").toString(), "KONTAKT_PORT", "0",
                "KONTAKT_SECRET_KEY", Base64.getEncoder().encodeToString(key));
        try {
            AppConfig config = new ConfigLoader(env::get).load(Path.of(args.length > 0 ? args[0] : "config/kontakt.yaml"));
            try (Kontakt kontakt = Kontakt.start(config, env::get, Clock.systemUTC())) {
                exercise(kontakt.port());
            }
        } finally {
            delete(work);
        }
        System.exit(0); // the archive is written at exit
    }

    private static void exercise(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        check(http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString()), "/health");
        int n = 0;
        for (String text : MESSAGES) {
            String sid = String.format("SM%032x", ++n);
            String form = TwilioForm.encode(TwilioForm.inboundSms(sid, "+4791234567", "+4759440000", text, "AC" + "b".repeat(32)));
            check(http.send(HttpRequest.newBuilder(URI.create(base + "/twilio/sms")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()), "a webhook");
        }
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
