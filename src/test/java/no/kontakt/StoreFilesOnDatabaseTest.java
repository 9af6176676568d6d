package no.kontakt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import no.kontakt.store.LocalSignals;
import no.kontakt.store.Signals;
import no.kontakt.store.Storage;
import no.kontakt.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the environment's store brings with it: the key several instances must share, and the signals between them. */
class StoreFilesOnDatabaseTest {
    @TempDir
    Path dataDir;

    @Test
    void postgres_without_a_shared_secret_key_does_not_start_and_says_which_setting() {
        Map<String, String> env = new HashMap<>(Map.of("KONTAKT_DATABASE_URL", "jdbc:postgresql://localhost:1/kontakt"));
        assertThatThrownBy(() -> StoreFiles.open(dataDir, env::get)).isInstanceOf(StoreException.class)
                .hasMessageContaining("KONTAKT_SECRET_KEY is not: set KONTAKT_SECRET_KEY, the same on every instance");
    }

    @Test
    void pool_sizes_that_are_not_counts_are_refused_before_connecting_and_name_the_setting() {
        Map<String, String> env = new HashMap<>(Map.of("KONTAKT_DATABASE_URL", "jdbc:postgresql://localhost:1/kontakt",
                "KONTAKT_SECRET_KEY", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "KONTAKT_DATABASE_POOL_SIZE", "ten"));
        assertThatThrownBy(() -> StoreFiles.open(dataDir, env::get)).isInstanceOf(StoreException.class)
                .hasMessage("KONTAKT_DATABASE_POOL_SIZE must be a whole number, not \"ten\"");
        env.put("KONTAKT_DATABASE_POOL_SIZE", "8");
        env.put("KONTAKT_DATABASE_LOCK_CONNECTIONS", "0");
        assertThatThrownBy(() -> StoreFiles.open(dataDir, env::get)).isInstanceOf(StoreException.class)
                .hasMessageContaining("KONTAKT_DATABASE_LOCK_CONNECTIONS 1 to 1000, not 8 and 0");
    }

    @Test
    void a_mapdb_store_signals_within_its_process() {
        try (Storage storage = StoreFiles.open(dataDir, name -> null); Signals signals = StoreFiles.signals(storage)) {
            assertThat(signals).isInstanceOf(LocalSignals.class);
            StringBuilder heard = new StringBuilder();
            signals.subscribe("inbox", heard::append);
            signals.publish("inbox", "message c1");
            assertThat(heard).hasToString("message c1");
        }
    }
}
