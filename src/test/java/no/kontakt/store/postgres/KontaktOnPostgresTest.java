package no.kontakt.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.EmbeddedPostgresServer;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kontakt chooses PostgreSQL by KONTAKT_DATABASE_URL: a signed webhook is answered, stored sealed, and kept over a restart. */
class KontaktOnPostgresTest {
    private static EmbeddedPostgresServer server;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startServer() {
        server = EmbeddedPostgresServer.start();
        System.out.println("embedded PostgreSQL started in " + server.startMillis() + " ms");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_signed_sms_is_answered_stored_in_postgres_and_kept_over_a_restart() throws Exception {
        String url = server.newSchemaUrl();
        Map<String, String> env = TestKontakt.env(dataDir);
        env.put("KONTAKT_DATABASE_URL", url);
        env.put("KONTAKT_DATABASE_USER", EmbeddedPostgresServer.USER);
        env.put("KONTAKT_DATABASE_PASSWORD", EmbeddedPostgresServer.PASSWORD);
        String sid = TwilioRequests.newSid();
        String conversationId;
        String messageId;

        try (Kontakt kontakt = Kontakt.start(TestKontakt.config(env), env::get, Clock.systemUTC())) {
            HttpResponse<String> response = new TwilioRequests(kontakt.port()).post("/twilio/sms",
                    TwilioRequests.sms(sid, "+4791234567", "hei fra postgres"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("<Response><Message");
            var receipt = kontakt.stores().inbound().find(sid).orElseThrow();
            conversationId = receipt.conversationId();
            messageId = receipt.messageId();
        }

        assertThat(dataDir.resolve(MapDbStorage.FILE_NAME)).doesNotExist();
        try (var c = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             var s = c.prepareStatement("select v from kv where tbl = 'messages' and k = ?")) {
            s.setString(1, messageId);
            try (var rs = s.executeQuery()) {
                assertThat(rs.next()).as("the message is a row of kv").isTrue();
                String raw = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
                assertThat(raw).doesNotContain("hei fra postgres"); // sealed with the store key, as in MapDB
            }
        }

        try (Kontakt again = Kontakt.start(TestKontakt.config(env), env::get, Clock.systemUTC())) {
            var message = again.stores().messages().find(messageId).orElseThrow();
            assertThat(message.body()).isEqualTo("hei fra postgres");
            assertThat(message.providerSid()).isEqualTo(sid);
            assertThat(again.stores().inbound().find(sid).orElseThrow().conversationId()).isEqualTo(conversationId);
            assertThat(again.stores().conversations().find(conversationId)).isPresent();

            HttpResponse<String> repeat = new TwilioRequests(again.port()).post("/twilio/sms",
                    TwilioRequests.sms(sid, "+4791234567", "hei fra postgres"));
            assertThat(repeat.statusCode()).isEqualTo(200);
            assertThat(again.stores().messages().ofConversation(conversationId).stream().filter(m -> sid.equals(m.providerSid()))).hasSize(1);
        } finally {
            server.dropSchema(url);
        }
    }
}
