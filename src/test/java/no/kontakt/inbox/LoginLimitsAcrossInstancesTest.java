package no.kontakt.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.kontakt.store.SealedJson;
import no.kontakt.store.Stores;
import no.kontakt.store.postgres.PgLoginCounts;
import no.kontakt.store.postgres.PostgresStorage;
import no.kontakt.testing.EmbeddedPostgresServer;
import no.kontakt.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two instances' accounts on one PostgreSQL schema: failed logins count the same whichever instance they reach. */
class LoginLimitsAcrossInstancesTest {
    private static final byte[] KEY = java.util.Base64.getDecoder().decode("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    private static EmbeddedPostgresServer server;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    PostgresStorage storageA;
    PostgresStorage storageB;
    Stores storesA;
    Stores storesB;
    Accounts a;
    Accounts b;

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

    @BeforeEach
    void twoInstances() {
        String url = server.newSchemaUrl();
        storageA = PostgresStorage.open(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
        storageB = PostgresStorage.open(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
        storesA = new Stores(storageA, 8, java.time.ZoneId.of("Europe/Oslo"), new SealedJson(KEY, null));
        storesB = new Stores(storageB, 8, java.time.ZoneId.of("Europe/Oslo"), new SealedJson(KEY, null));
        a = accounts(storesA, PgLoginCounts.on(storageA));
        b = accounts(storesB, PgLoginCounts.on(storageB));
        a.add("per", "staff", "a long staff password".toCharArray());
    }

    private Accounts accounts(Stores stores, PgLoginCounts counts) {
        return new Accounts(stores.users(), stores.logins(), stores.audit(), stores, clock, Accounts.TwoFactorPolicy.NONE, counts);
    }

    @AfterEach
    void close() {
        storesA.close();
        storesB.close();
    }

    private static String refusal(Accounts accounts, String password) {
        try {
            accounts.login("per", password, null, "10.0.0.7");
            return "in";
        } catch (Accounts.LoginRefused e) {
            return e.code();
        }
    }

    @Test
    void failures_on_one_instance_slow_down_the_next_attempt_on_the_other() {
        assertThat(List.of(refusal(a, "wrong 1"), refusal(b, "wrong 2"), refusal(a, "wrong 3")))
                .containsExactly("unauthorized", "unauthorized", "unauthorized");
        assertThat(refusal(b, "a long staff password")).as("B knows of A's failures").isEqualTo("too_many_attempts");
        clock.advance(Duration.ofSeconds(2));
        assertThat(refusal(b, "a long staff password")).isEqualTo("in");
        assertThat(refusal(a, "wrong 4")).as("a success started the pair afresh, on every instance").isEqualTo("unauthorized");
    }

    @Test
    void parallel_attempts_spread_over_the_instances_are_admitted_no_more_than_on_one() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                Accounts to = i % 2 == 0 ? a : b;
                String password = "wrong " + i;
                attempts.add(() -> refusal(to, password));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(attempts)) {
                answers.add(f.get());
            }
            assertThat(answers).filteredOn("unauthorized"::equals).as("checked against the password: " + answers)
                    .hasSize(LoginThrottle.SLOW_AFTER);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void the_counts_name_no_account_and_no_address() throws Exception {
        refusal(a, "wrong");
        try (var c = storageA.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("select k from login_counts")) {
            List<String> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
            assertThat(keys).hasSize(3).allMatch(k -> k.matches("[0-9a-f]{64}"));
        }
        assertThatThrownBy(() -> a.login("per", "wrong again", null, "10.0.0.7")).isInstanceOf(Accounts.LoginRefused.class);
    }
}
