package no.kontakt.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.config.AppConfig;
import no.kontakt.config.ConfigLoader;

/** Starts a real Kontakt on a free port, on a MapDB store in a temporary folder, with Twilio signing on. */
public final class TestKontakt {
    private TestKontakt() {}

    public static Map<String, String> env(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("KONTAKT_PORT", "0");
        env.put("KONTAKT_DATA_DIR", dataDir.toString());
        env.put("KONTAKT_PUBLIC_URL", TwilioRequests.PUBLIC_URL);
        env.put("KONTAKT_TWILIO_AUTH_TOKEN", TwilioRequests.AUTH_TOKEN);
        env.put("KONTAKT_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        return env;
    }

    /**
     * The same environment with {@code KONTAKT_REQUIRE_2FA=none}, on purpose: for tests about something else that
     * log in as admin (often on a simulated clock, where an authenticator's codes would not fit). The second factor
     * and its default ({@code admin}) are tested in {@code SignInTest} and the admin page test.
     */
    public static Map<String, String> withoutSecondFactor(Map<String, String> env) {
        env.put("KONTAKT_REQUIRE_2FA", "none");
        return env;
    }

    public static AppConfig config(Map<String, String> env) {
        return new ConfigLoader(env::get).load(Path.of("config/kontakt.yaml"));
    }

    /** The store of a data folder, opened with the test secret (values are sealed). */
    public static no.kontakt.store.Stores stores(Path dataDir) {
        byte[] secret = java.util.Base64.getDecoder().decode(env(dataDir).get("KONTAKT_SECRET_KEY"));
        return new no.kontakt.store.Stores(no.kontakt.store.mapdb.MapDbStorage.open(dataDir), 8, java.time.ZoneId.of("Europe/Oslo"),
                new no.kontakt.store.SealedJson(secret, null));
    }

    public static Kontakt start(Path dataDir, Clock clock) {
        Map<String, String> env = env(dataDir);
        return Kontakt.start(config(env), env::get, clock);
    }
}
