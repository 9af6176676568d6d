package no.kontakt;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import no.kontakt.store.mapdb.MapDbStorage;
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
        try (Stores stores = no.kontakt.testing.TestKontakt.stores(data)) {
            for (int i = 0; i < acknowledged.size(); i++) {
                var receipt = stores.inbound().find(acknowledged.get(i)).orElseThrow();
                assertThat(stores.messages().find(receipt.messageId()).orElseThrow().body()).isEqualTo("melding " + i + " æøå");
            }
        }
    }

    @Test
    void the_store_file_holds_no_phone_number_or_message_text_and_nor_does_the_log() throws Exception {
        Path data = dir.resolve("data");
        Path log = dir.resolve("server.log");
        String phone = "+4793817264";
        String[] texts = {"hei", "1", "Jeg har hatt en tung uke med mye angst", "1", "etter 16", "Ingeborg"};
        try (ForkedKontakt server = ForkedKontakt.start(data, ForkedKontakt.freePort(), log)) {
            TwilioRequests twilio = new TwilioRequests(server.port);
            for (String t : texts) {
                assertThat(twilio.sms(phone, t).statusCode()).isEqualTo(200);
            }
            assertThat(server.stop()).isIn(0, 143);
        }
        String raw = rawStore(data);
        assertThat(raw).doesNotContain("93817264").doesNotContain("tung uke med mye angst").doesNotContain("Ingeborg");
        String logged = Files.readString(log);
        assertThat(logged).contains("message handled").doesNotContain("93817264").doesNotContain("angst").doesNotContain("Ingeborg");

        try (ForkedKontakt server = ForkedKontakt.start(data, ForkedKontakt.freePort(), log)) {
            TwilioRequests twilio = new TwilioRequests(server.port);
            assertThat(twilio.sms(phone, "SLETT").body()).contains("Svar JA eller NEI");
            assertThat(twilio.sms(phone, "ja").body()).contains("er slettet");
            assertThat(server.stop()).isIn(0, 143);
        }
        try (Stores stores = no.kontakt.testing.TestKontakt.stores(data)) {
            assertThat(stores.conversations().count()).isZero();
            assertThat(stores.messages().count()).isZero();
            assertThat(stores.contactRequests().all()).isEmpty();
            for (String sid : stores.inbound().messageSids()) {
                assertThat(String.join(" ", stores.inbound().find(sid).orElseThrow().replies())).as("no reply text is kept after erasure")
                        .satisfiesAnyOf(t -> assertThat(t).isEmpty(), t -> assertThat(t).startsWith("Alt vi hadde lagret om deg er slettet."));
            }
            assertThat(stores.inbound().count()).as("the message ids are kept, so late retries are recognised").isEqualTo(8);
        }
        assertThat(rawStore(data)).doesNotContain("93817264").doesNotContain("angst").doesNotContain("Ingeborg");
    }

    /** Every byte of the store's files, read as ISO-8859-1 so any plain text would show. */
    private static String rawStore(Path data) throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1));
                all.append(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return all.toString();
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
