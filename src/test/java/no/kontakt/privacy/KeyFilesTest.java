package no.kontakt.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.store.SealedJson;
import no.kontakt.store.Stores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store and its key are readable by their owner only, and the key lives outside the data folder. */
class KeyFilesTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void posix_file_system() {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void a_new_store_is_0600_in_a_0700_folder_where_a_plain_file_would_be_world_readable() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Path plain = Files.writeString(data.resolve("plain.txt"), "x"); // the protection off: what the umask gives every file
        assertThat(mode(plain)).as("a file created the ordinary way under umask 022").contains("r--r--");
        assertThat(mode(data)).isEqualTo("rwxr-xr-x");
        MapDbStorage.open(data).close();
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("kontakt.mapdb"))).isEqualTo("rw-------");
        assertThat(mode(data.resolve("kontakt.mapdb.journal"))).isEqualTo("rw-------");
    }

    @Test
    void an_existing_world_readable_store_is_narrowed_when_it_opens() throws Exception {
        Path data = dir.resolve("data");
        MapDbStorage.open(data).close();
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("kontakt.mapdb"), PosixFilePermissions.fromString("rw-r--r--"));
        try (var storage = MapDbStorage.open(data)) {
            assertThat(mode(data.resolve("kontakt.mapdb"))).isEqualTo("rw-------");
            assertThat(mode(data)).isEqualTo("rwx------");
        }
    }

    @Test
    void the_key_made_on_first_start_is_outside_the_data_folder_and_0600() throws Exception {
        Path data = dir.resolve("data");
        byte[] key = SecretKey.load(name -> null, data);
        Path file = dir.resolve("keys").resolve("secret.key");
        assertThat(SecretKey.defaultFile(data)).isEqualTo(file.toAbsolutePath());
        assertThat(Files.exists(data.resolve("secret.key"))).isFalse();
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(file.getParent())).isEqualTo("rwx------");
        assertThat(SecretKey.load(name -> null, data)).isEqualTo(key);
    }

    @Test
    void a_key_file_others_may_read_stops_the_start_with_the_chmod_to_run() throws Exception {
        Path data = dir.resolve("data");
        SecretKey.load(name -> null, data);
        Path file = SecretKey.defaultFile(data);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> SecretKey.load(name -> null, data))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("may be read by other users (rw-r--r--)")
                .hasMessageEndingWith("Run: chmod 600 " + file);
    }

    @Test
    void KONTAKT_KEY_FILE_names_the_key_file() throws Exception {
        Path file = dir.resolve("vault").resolve("kontakt.key");
        byte[] key = SecretKey.load(Map.of("KONTAKT_KEY_FILE", file.toString())::get, dir.resolve("data"));
        assertThat(Files.readString(file).strip()).isEqualTo(Base64.getEncoder().encodeToString(key));
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.exists(SecretKey.defaultFile(dir.resolve("data")))).isFalse();
    }

    @Test
    void a_key_an_earlier_version_kept_in_the_data_folder_still_opens_its_store() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        byte[] old = new byte[32];
        new java.security.SecureRandom().nextBytes(old);
        Path legacy = data.resolve("secret.key");
        Files.writeString(legacy, Base64.getEncoder().encodeToString(old) + "\n");
        Files.setPosixFilePermissions(legacy, PosixFilePermissions.fromString("rw-------"));
        try (var stores = new Stores(MapDbStorage.open(data), 1, java.time.ZoneId.of("Europe/Oslo"), new SealedJson(old, null))) {
            var batch = new no.kontakt.store.Batch();
            stores.staff().saveCanned(batch, new no.kontakt.store.StaffStores.CannedReply("hello", Map.of("nb", "hei")));
            stores.commit(batch);
        }
        byte[] read = SecretKey.load(name -> null, data);
        assertThat(read).isEqualTo(old);
        assertThat(Files.exists(SecretKey.defaultFile(data))).isFalse(); // not copied: the operator moves it
        try (var stores = new Stores(MapDbStorage.open(data), 1, java.time.ZoneId.of("Europe/Oslo"), new SealedJson(read, null))) {
            assertThat(stores.staff().cannedReplies()).hasSize(1);
        }
    }
}
