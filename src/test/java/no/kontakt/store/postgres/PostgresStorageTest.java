package no.kontakt.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import no.kontakt.store.StoreException;
import no.kontakt.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The table view and the transaction of {@link PostgresStorage}, compared with a TreeMap holding the same keys. */
class PostgresStorageTest {
    private static EmbeddedPostgresServer server;
    private String url;
    private PostgresStorage storage;

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
    void open() {
        url = server.newSchemaUrl();
        storage = PostgresStorage.open(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    @AfterEach
    void close() {
        storage.close();
        server.dropSchema(url);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> keys(Iterable<String> keys) {
        List<String> out = new ArrayList<>();
        keys.forEach(out::add);
        return out;
    }

    @Test
    void ranges_ends_and_iteration_over_several_pages_match_a_tree_map() {
        TreeMap<String, byte[]> expected = new TreeMap<>();
        Random random = new Random(7);
        String[] prefixes = {"a/", "b/", "bø/", "Ø/", "é/", "z|"};
        var table = storage.table("t");
        for (int i = 0; i < SqlTable.PAGE * 2 + 37; i++) {
            String key = prefixes[random.nextInt(prefixes.length)] + String.format("%015d", random.nextInt(1_000_000));
            expected.put(key, bytes(key));
            table.put(key, bytes(key));
        }
        storage.commit();

        assertThat(table.size()).isEqualTo(expected.size());
        assertThat(keys(table.keySet())).containsExactlyElementsOf(expected.keySet());
        assertThat(table.firstKey()).isEqualTo(expected.firstKey());
        assertThat(table.lastEntry().getKey()).isEqualTo(expected.lastKey());
        for (String prefix : prefixes) {
            NavigableMap<String, byte[]> sub = table.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
            NavigableMap<String, byte[]> want = expected.subMap(prefix, true, prefix + Character.MAX_VALUE, false);
            assertThat(keys(sub.keySet())).as(prefix).containsExactlyElementsOf(want.keySet());
            assertThat(sub.size()).isEqualTo(want.size());
            assertThat(sub.lastEntry().getKey()).isEqualTo(want.lastKey());
            assertThat(sub.firstEntry().getKey()).isEqualTo(want.firstKey());
        }
        String middle = new ArrayList<>(expected.keySet()).get(expected.size() / 2);
        assertThat(keys(table.headMap(middle, false).keySet())).containsExactlyElementsOf(expected.headMap(middle, false).keySet());
        assertThat(keys(table.headMap(middle, true).keySet())).containsExactlyElementsOf(expected.headMap(middle, true).keySet());
        assertThat(keys(table.tailMap(middle, false).keySet())).containsExactlyElementsOf(expected.tailMap(middle, false).keySet());
        assertThat(table.ceilingKey(middle)).isEqualTo(middle);
        assertThat(table.higherKey(middle)).isEqualTo(expected.higherKey(middle));
        assertThat(table.lowerKey(middle)).isEqualTo(expected.lowerKey(middle));
        List<byte[]> values = new ArrayList<>(table.values());
        assertThat(values).hasSize(expected.size());
        assertThat(new String(values.get(0), StandardCharsets.UTF_8)).isEqualTo(expected.firstKey());
        for (var entry : table.entrySet()) {
            assertThat(entry.getValue()).isEqualTo(expected.get(entry.getKey()));
        }
        assertThat(table.headMap("0").isEmpty()).isTrue();
        assertThat(table.headMap("0", false).firstEntry()).isNull();
    }

    @Test
    void writes_are_seen_by_their_own_thread_before_commit_and_by_others_only_after() throws Exception {
        var table = storage.table("t");
        table.put("k", bytes("one"));
        storage.commit();
        table.put("k", bytes("two"));
        table.put("new", bytes("x"));
        table.remove("gone");

        assertThat(table.get("k")).isEqualTo(bytes("two"));
        assertThat(table.size()).isEqualTo(2);
        assertThat(CompletableFuture.supplyAsync(() -> table.get("k")).get()).isEqualTo(bytes("one"));
        assertThat(CompletableFuture.supplyAsync(table::size).get()).isEqualTo(1);

        storage.commit();
        assertThat(CompletableFuture.supplyAsync(() -> table.get("k")).get()).isEqualTo(bytes("two"));
        assertThat(CompletableFuture.supplyAsync(() -> table.containsKey("new")).get()).isTrue();
    }

    @Test
    void rollback_discards_every_write_since_the_commit_and_a_reopen_sees_what_was_committed() {
        var table = storage.table("t");
        table.put("kept", bytes("1"));
        storage.commit();
        table.put("dropped", bytes("2"));
        table.remove("kept");
        assertThat(table.size()).isEqualTo(1); // sent on the write connection, not committed
        storage.rollback();

        assertThat(table.containsKey("dropped")).isFalse();
        assertThat(table.get("kept")).isEqualTo(bytes("1"));
        storage.close();
        storage = PostgresStorage.open(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
        assertThat(keys(storage.table("t").keySet())).containsExactly("kept");
        assertThat(storage.tableNames()).contains("t");
    }

    @Test
    void a_wrong_url_or_password_is_refused_with_the_settings_to_check() {
        assertThatThrownBy(() -> PostgresStorage.open("jdbc:mysql://db/kontakt", "u", "p"))
                .isInstanceOf(StoreException.class).hasMessageContaining("KONTAKT_DATABASE_URL");
        String unreachable = "jdbc:postgresql://127.0.0.1:1/kontakt?password=secret";
        assertThatThrownBy(() -> PostgresStorage.open(unreachable, "kontakt", "secret"))
                .isInstanceOf(StoreException.class).hasMessageContaining("KONTAKT_DATABASE_URL")
                .hasMessageNotContaining("secret");
    }
}
