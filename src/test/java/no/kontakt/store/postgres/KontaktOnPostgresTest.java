package no.kontakt.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.StoreFiles;
import no.kontakt.store.StoreCopy;
import no.kontakt.store.StoreException;
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

    @Test
    void migrate_copies_a_mapdb_store_into_postgres_with_counts_and_a_check_and_kontakt_carries_on_there() throws Exception {
        Map<String, String> env = TestKontakt.env(dataDir);
        String sid = TwilioRequests.newSid();
        String messageId;
        try (Kontakt onMapDb = Kontakt.start(TestKontakt.config(env), env::get, Clock.systemUTC())) {
            assertThat(new TwilioRequests(onMapDb.port()).post("/twilio/sms", TwilioRequests.sms(sid, "+4791234567", "hei")).statusCode()).isEqualTo(200);
            messageId = onMapDb.stores().inbound().find(sid).orElseThrow().messageId();
        }
        Map<String, Long> inMapDb;
        try (var stores = TestKontakt.stores(dataDir)) {
            inMapDb = stores.verify();
        }

        String url = server.newSchemaUrl();
        env.put("KONTAKT_DATABASE_URL", url);
        env.put("KONTAKT_DATABASE_USER", EmbeddedPostgresServer.USER);
        env.put("KONTAKT_DATABASE_PASSWORD", EmbeddedPostgresServer.PASSWORD);
        byte[] secret = java.util.Base64.getDecoder().decode(env.get("KONTAKT_SECRET_KEY"));
        var codec = new no.kontakt.store.SealedJson(secret, null);
        try {
            Map<String, Long> copied = StoreFiles.migrateToDatabase(dataDir, env::get, codec, java.time.ZoneId.of("Europe/Oslo"));
            inMapDb.forEach((table, n) -> assertThat(copied.getOrDefault(table, 0L)).as(table).isEqualTo(n));
            assertThat(copied.get("messages")).isPositive();

            assertThatThrownBy(() -> StoreFiles.migrateToDatabase(dataDir, env::get, codec, java.time.ZoneId.of("Europe/Oslo")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("not empty");

            try (Kontakt onPostgres = Kontakt.start(TestKontakt.config(env), env::get, Clock.systemUTC())) {
                assertThat(onPostgres.stores().messages().find(messageId).orElseThrow().body()).isEqualTo("hei");
                var twilio = new TwilioRequests(onPostgres.port());
                assertThat(twilio.post("/twilio/sms", TwilioRequests.sms(TwilioRequests.newSid(), "+4791234567", "er dere der?")).statusCode()).isEqualTo(200);
                String conversation = onPostgres.stores().inbound().find(sid).orElseThrow().conversationId();
                assertThat(onPostgres.stores().messages().ofConversation(conversation)).extracting(m -> m.body()).contains("hei", "er dere der?");
            }

            Path back = dataDir.resolve("back");
            try (var from = PostgresStorage.open(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                 var to = MapDbStorage.open(back)) {
                Map<String, Long> reverse = StoreCopy.copy(from, to);
                assertThat(reverse.get("messages")).isEqualTo(copied.get("messages") + 2);
            }
        } finally {
            server.dropSchema(url);
        }
    }
}
