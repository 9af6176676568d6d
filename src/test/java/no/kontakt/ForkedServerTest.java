package no.kontakt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.kontakt.store.MapDbStorage;
import no.kontakt.store.Stores;
import no.kontakt.testing.ForkedKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program as it is run: its own JVM, started by {@code App.main}, stopped or killed. */
class ForkedServerTest {
    @TempDir
    Path dir;

    @Test
    void starts_with_the_default_config_and_answers_health_within_seconds() throws Exception {
        Path log = dir.resolve("server.log");
        try (ForkedKontakt server = ForkedKontakt.start(dir.resolve("data"), ForkedKontakt.freePort(), log)) {
            assertThat(server.startup).isLessThan(Duration.ofSeconds(20));
            assertThat(new TwilioRequests(server.port).get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(server.stop()).isIn(0, 143);
        }
        assertThat(Files.readString(log)).contains("kontakt started").contains("store closed");
    }

    @Test
    void a_message_that_got_200_survives_sigkill() throws Exception {
        Path data = dir.resolve("data");
        List<String> acknowledged = new ArrayList<>();
        try (ForkedKontakt server = ForkedKontakt.start(data, ForkedKontakt.freePort(), dir.resolve("server.log"))) {
            TwilioRequests twilio = new TwilioRequests(server.port);
            for (int i = 0; i < 5; i++) {
                String sid = TwilioRequests.newSid();
                HttpResponse<String> r = twilio.post("/twilio/sms", TwilioRequests.sms(sid, "+479000000" + i, "melding " + i + " æøå"));
                assertThat(r.statusCode()).isEqualTo(200);
                acknowledged.add(sid);
            }
            server.kill();
        }
        try (Stores stores = new Stores(MapDbStorage.open(data), 8)) {
            for (int i = 0; i < acknowledged.size(); i++) {
                var receipt = stores.inbound().find(acknowledged.get(i)).orElseThrow();
                assertThat(stores.messages().find(receipt.messageId()).orElseThrow().body()).isEqualTo("melding " + i + " æøå");
            }
        }
    }

    @Test
    void a_bad_config_stops_start_up_with_the_key_path() throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "server:\n  port: 70000\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "no.kontakt.App", "--config", config.toString(), "serve").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out).contains(config + ": server.port: must be between 0 and 65535 (was 70000)");
    }
}
