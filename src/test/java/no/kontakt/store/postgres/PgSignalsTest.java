package no.kontakt.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import no.kontakt.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signals between two instances on one PostgreSQL schema, by LISTEN/NOTIFY. */
class PgSignalsTest {
    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void startServer() {
        server = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static PostgresStorage open(String url) {
        return PostgresStorage.open(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    @Test
    void a_notice_reaches_the_other_instance_once_and_its_own_once() throws Exception {
        String url = server.newSchemaUrl();
        try (PostgresStorage storeA = open(url); PostgresStorage storeB = open(url);
             PgSignals a = PgSignals.on(storeA); PgSignals b = PgSignals.on(storeB)) {
            BlockingQueue<String> heardByA = new LinkedBlockingQueue<>();
            BlockingQueue<String> heardByB = new LinkedBlockingQueue<>();
            a.subscribe("inbox", heardByA::add);
            b.subscribe("inbox", heardByB::add);
            b.subscribe("other", p -> heardByB.add("other:" + p));

            a.publish("inbox", "message c1");
            a.publish("inbox", "urgent c2");

            assertThat(heardByB.poll(5, TimeUnit.SECONDS)).isEqualTo("message c1");
            assertThat(heardByB.poll(5, TimeUnit.SECONDS)).isEqualTo("urgent c2");
            assertThat(heardByA).containsExactly("message c1", "urgent c2"); // at once, and never again from the database
            heardByA.clear();
            b.publish("inbox", "changed c3"); // after A's: when B hears nothing more of A's, A's came once
            assertThat(heardByA.poll(5, TimeUnit.SECONDS)).isEqualTo("changed c3");
            assertThat(heardByB.poll(1, TimeUnit.SECONDS)).isEqualTo("changed c3");
            assertThat(heardByA).isEmpty();
            assertThat(heardByB).isEmpty();
        }
    }

    @Test
    void instances_on_another_schema_do_not_hear() throws Exception {
        String one = server.newSchemaUrl();
        String other = server.newSchemaUrl();
        try (PostgresStorage storeA = open(one); PostgresStorage storeB = open(other); PostgresStorage storeC = open(one);
             PgSignals a = PgSignals.on(storeA); PgSignals b = PgSignals.on(storeB); PgSignals c = PgSignals.on(storeC)) {
            BlockingQueue<String> heardByB = new LinkedBlockingQueue<>();
            BlockingQueue<String> heardByC = new LinkedBlockingQueue<>();
            b.subscribe("inbox", heardByB::add);
            c.subscribe("inbox", heardByC::add);
            a.publish("inbox", "message c1");
            assertThat(heardByC.poll(5, TimeUnit.SECONDS)).isEqualTo("message c1");
            b.publish("inbox", "mine"); // B hears its own; had A's reached it, it would come first
            assertThat(heardByB.poll(1, TimeUnit.SECONDS)).isEqualTo("mine");
        }
    }

    @Test
    void a_dropped_listening_connection_is_made_again() throws Exception {
        String url = server.newSchemaUrl();
        try (PostgresStorage storeA = open(url); PostgresStorage storeB = open(url);
             PgSignals a = PgSignals.on(storeA); PgSignals b = PgSignals.on(storeB)) {
            BlockingQueue<String> heardByB = new LinkedBlockingQueue<>();
            b.subscribe("inbox", heardByB::add);
            server.execute("select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen%'");
            String heard = null;
            for (int i = 0; i < 100 && heard == null; i++) { // notices sent while B was away are lost: send until one arrives
                a.publish("inbox", "message " + i);
                heard = heardByB.poll(200, TimeUnit.MILLISECONDS);
            }
            assertThat(heard).as("B listens again after its connection was killed").startsWith("message ");
            assertThat(b.listening()).isTrue();
        }
    }

    @Test
    void a_payload_is_one_short_line() {
        String url = server.newSchemaUrl();
        try (PostgresStorage store = open(url); PgSignals a = PgSignals.on(store)) {
            assertThatThrownBy(() -> a.publish("inbox", "x".repeat(201))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at most 200 characters");
            assertThatThrownBy(() -> a.publish("Inbox; drop", "x")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lower-case");
        }
    }
}
