package no.kontakt;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import no.kontakt.store.BackupResult;
import no.kontakt.store.LocalSignals;
import no.kontakt.store.Signals;
import no.kontakt.store.Storage;
import no.kontakt.store.StoreCopy;
import no.kontakt.store.StoreException;
import no.kontakt.store.Stores;
import no.kontakt.store.ValueCodec;
import no.kontakt.store.mapdb.BackupSocket;
import no.kontakt.store.mapdb.Backups;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.store.postgres.PgSignals;
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
        if (blank(env.apply("KONTAKT_SECRET_KEY")) && blank(env.apply("KONTAKT_KEY_FILE"))) {
            throw new StoreException("the store is in PostgreSQL (" + DATABASE_URL + " is set) but KONTAKT_SECRET_KEY is not: set "
                    + "KONTAKT_SECRET_KEY, the same on every instance (base64, 32 bytes or more; or KONTAKT_KEY_FILE, a file they all "
                    + "read), or the instances would seal, sign "
                    + "and name conversations each with a key of its own");
        }
        var pools = new PostgresStorage.Pools(count(env, DATABASE_POOL_SIZE, PostgresStorage.Pools.DEFAULT.store()),
                count(env, DATABASE_LOCK_CONNECTIONS, PostgresStorage.Pools.DEFAULT.locks()));
        return PostgresStorage.open(url.strip(), env.apply(DATABASE_USER), env.apply(DATABASE_PASSWORD), pools);
    }

    /** Connections of the store's pool, per instance (default 10). */
    public static final String DATABASE_POOL_SIZE = "KONTAKT_DATABASE_POOL_SIZE";
    /** Connections that hold advisory locks, per instance (default 24): the steps, sends and jobs locked at once. */
    public static final String DATABASE_LOCK_CONNECTIONS = "KONTAKT_DATABASE_LOCK_CONNECTIONS";

    private static int count(java.util.function.Function<String, String> env, String name, int fallback) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new StoreException(name + " must be a whole number, not \"" + value.strip() + "\"");
        }
    }

    /**
     * The notices between the instances that share {@code storage}: LISTEN/NOTIFY on PostgreSQL, within this process
     * otherwise (a MapDB store has one instance). Their owner closes them.
     */
    public static Signals signals(Storage storage) {
        return storage instanceof PostgresStorage pg ? PgSignals.on(pg) : new LocalSignals();
    }

    /** Where failed logins are counted: in the database for every instance on PostgreSQL, in memory otherwise. */
    public static no.kontakt.store.LoginCounts loginCounts(Storage storage) {
        return storage instanceof PostgresStorage pg ? no.kontakt.store.postgres.PgLoginCounts.on(pg) : new no.kontakt.store.MemoryLoginCounts();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Whether the environment chooses PostgreSQL. */
    public static boolean usesDatabase(java.util.function.Function<String, String> env) {
        String url = env.apply(DATABASE_URL);
        return url != null && !url.isBlank();
    }

    /**
     * Copies the MapDB store of the (stopped) data folder into the empty PostgreSQL store the environment names, checks
     * the copy row by row, then opens every value of the copy with the store key; returns the rows per table.
     */
    public static java.util.Map<String, Long> migrateToDatabase(Path dataDir, java.util.function.Function<String, String> env, ValueCodec codec,
                                                               ZoneId zone) {
        if (!usesDatabase(env)) {
            throw new StoreException("set " + DATABASE_URL + " (and " + DATABASE_USER + ", " + DATABASE_PASSWORD + ") to the PostgreSQL to copy into");
        }
        if (!java.nio.file.Files.exists(dataDir.resolve(FILE_NAME))) {
            throw new StoreException("no MapDB store to copy: " + dataDir.resolve(FILE_NAME).toAbsolutePath() + " does not exist");
        }
        java.util.Map<String, Long> counts;
        try (Storage from = MapDbStorage.open(dataDir); Storage to = open(dataDir, env)) {
            counts = StoreCopy.copy(from, to);
        }
        try (Stores copied = new Stores(open(dataDir, env), 8, zone, codec)) {
            java.util.Map<String, Long> opened = copied.verify();
            opened.forEach((table, n) -> {
                if (n != counts.getOrDefault(table, 0L)) {
                    throw new StoreException("table " + table + " has " + n + " values that open in PostgreSQL, the MapDB store " + counts.getOrDefault(table, 0L));
                }
            });
        }
        return counts;
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
