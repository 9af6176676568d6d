package no.kontakt;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import no.kontakt.store.BackupResult;
import no.kontakt.store.Storage;
import no.kontakt.store.Stores;
import no.kontakt.store.ValueCodec;
import no.kontakt.store.mapdb.BackupSocket;
import no.kontakt.store.mapdb.Backups;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.store.postgres.PostgresStorage;

/**
 * The store, for the commands (serve, store, user, bench): the one place outside the store's backend packages that
 * names them. PostgreSQL when {@code KONTAKT_DATABASE_URL} is set, else MapDB in the data folder.
 */
public final class StoreFiles {
    /** The name of the store file in the data folder. */
    public static final String FILE_NAME = MapDbStorage.FILE_NAME;

    private StoreFiles() {}

    /** The settings that choose PostgreSQL (the URL) and log in to it. */
    public static final String DATABASE_URL = "KONTAKT_DATABASE_URL";
    public static final String DATABASE_USER = "KONTAKT_DATABASE_USER";
    public static final String DATABASE_PASSWORD = "KONTAKT_DATABASE_PASSWORD";

    /** Opens (or creates) the MapDB store in the data folder; fails with a clear message when another process holds it. */
    public static Storage open(Path dataDir) {
        return MapDbStorage.open(dataDir);
    }

    /**
     * The store the environment names: PostgreSQL at {@code KONTAKT_DATABASE_URL} (with {@code KONTAKT_DATABASE_USER}
     * and {@code KONTAKT_DATABASE_PASSWORD}) when it is set, else MapDB in the data folder.
     */
    public static Storage open(Path dataDir, java.util.function.Function<String, String> env) {
        String url = env.apply(DATABASE_URL);
        if (url == null || url.isBlank()) {
            return MapDbStorage.open(dataDir);
        }
        return PostgresStorage.open(url.strip(), env.apply(DATABASE_USER), env.apply(DATABASE_PASSWORD));
    }

    /** Whether the environment chooses PostgreSQL. */
    public static boolean usesDatabase(java.util.function.Function<String, String> env) {
        String url = env.apply(DATABASE_URL);
        return url != null && !url.isBlank();
    }

    /** Backs up the open stores into {@code target}, between two commits. */
    public static BackupResult backup(Stores stores, Path target) {
        return Backups.backup(stores, target);
    }

    /** Restores {@code backup} as the store of the (stopped) data folder. */
    public static BackupResult restore(Path backup, Path dataDir, ValueCodec codec, ZoneId zone, boolean replace) {
        return Backups.restore(backup, dataDir, codec, zone, replace);
    }

    /** Asks the Kontakt running on the data folder, if any, to do {@code request} ({@code ping}, {@code backup FILE}). */
    public static Optional<String> askRunning(Path dataDir, String request) {
        return BackupSocket.ask(dataDir, request);
    }
}
