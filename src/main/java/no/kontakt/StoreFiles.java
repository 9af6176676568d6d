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

/**
 * The store on disk, for the commands (serve, store, user, bench): the one place outside the store's MapDB package
 * that names the embedded backend. A second backend is chosen here.
 */
public final class StoreFiles {
    /** The name of the store file in the data folder. */
    public static final String FILE_NAME = MapDbStorage.FILE_NAME;

    private StoreFiles() {}

    /** Opens (or creates) the store in the data folder; fails with a clear message when another process holds it. */
    public static Storage open(Path dataDir) {
        return MapDbStorage.open(dataDir);
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
