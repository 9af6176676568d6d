package no.kontakt.store.mapdb;

import no.kontakt.store.BackupResult;
import no.kontakt.store.OwnerOnly;
import no.kontakt.store.StoreException;
import no.kontakt.store.Stores;
import no.kontakt.store.ValueCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup and restore of the MapDB store. A backup is a copy of the store file taken on the committer thread between two
 * group commits, so it holds every commit acknowledged before it began and nothing half-written; it is then opened and
 * every value read ({@code store check}) before it takes its name. A restore checks the backup the same way and
 * puts it in place of the store of a stopped data folder. Both files are 0600. The key is not in the backup: it takes
 * the same {@code KONTAKT_SECRET_KEY} (or key file) to open.
 */
public final class Backups {
    private static final Logger log = LoggerFactory.getLogger(Backups.class);

    private Backups() {}

    /** Backs up the open stores (the server's own, while it runs) into {@code target}, replacing a file of that name. */
    public static BackupResult backup(Stores stores, Path target) {
        if (!(stores.storage() instanceof MapDbStorage mapdb)) {
            throw new StoreException("this store is in memory: there is no file to back up");
        }
        Path file = target.toAbsolutePath();
        Path work = file.resolveSibling(file.getFileName() + ".part");
        try {
            deleteTree(work);
            OwnerOnly.folder(work);
            Path copy = work.resolve(MapDbStorage.FILE_NAME);
            long[] paused = new long[1];
            stores.committer().runBetweenCommits(() -> {
                long started = System.nanoTime();
                mapdb.copyTo(copy);
                paused[0] = (System.nanoTime() - started) / 1_000_000;
            });
            Map<String, Long> tables = check(work, stores.codec(), stores.zone());
            long bytes = Files.size(copy);
            Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(work);
            log.info("store backup written file={} bytes={} writes_paused_ms={}", file, bytes, paused[0]);
            return new BackupResult(file, bytes, paused[0], tables);
        } catch (IOException e) {
            throw new StoreException("cannot write the backup " + file + ": " + e.getMessage(), e);
        } finally {
            try {
                deleteTree(work);
            } catch (IOException ignored) {
                // a leftover .part folder is removed by the next backup
            }
        }
    }

    /**
     * Restores {@code backup} as the store of {@code dataDir}, which no Kontakt may have open. A data folder that
     * already holds a store is refused unless {@code replace}; the replaced store is kept as
     * {@code kontakt.mapdb.before-restore} (with its journal).
     */
    public static BackupResult restore(Path backup, Path dataDir, ValueCodec codec, ZoneId zone, boolean replace) {
        if (!Files.isRegularFile(backup)) {
            throw new StoreException("there is no backup file " + backup.toAbsolutePath());
        }
        Path store = dataDir.resolve(MapDbStorage.FILE_NAME);
        Path journal = dataDir.resolve(MapDbStorage.FILE_NAME + JournaledVolume.SUFFIX);
        Path commitLog = dataDir.resolve(MapDbStorage.FILE_NAME + CommitLog.SUFFIX);
        Path work = dataDir.resolve("restore.part");
        try {
            OwnerOnly.folder(dataDir);
            boolean exists = store.toFile().length() > 0;
            if (exists) {
                try {
                    MapDbStorage.open(dataDir).close();
                } catch (StoreException e) {
                    if (e.getCause() instanceof org.mapdb.DBException.FileLocked) {
                        throw new StoreException("a running Kontakt holds the store in " + dataDir.toAbsolutePath() + "; stop it "
                                + "before restoring (a restore replaces the whole store)", e);
                    }
                    throw e;
                }
                if (!replace) {
                    throw new StoreException("the data folder " + dataDir.toAbsolutePath() + " already holds a store; add --replace to "
                            + "replace it (it is kept as " + MapDbStorage.FILE_NAME + ".before-restore)");
                }
            }
            deleteTree(work);
            OwnerOnly.folder(work);
            Path copy = work.resolve(MapDbStorage.FILE_NAME);
            OwnerOnly.create(copy);
            Files.copy(backup, copy, StandardCopyOption.REPLACE_EXISTING);
            Map<String, Long> tables = check(work, codec, zone);
            if (exists) {
                Files.move(store, dataDir.resolve(MapDbStorage.FILE_NAME + ".before-restore"), StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.exists(journal)) { // the old store's journal must never be replayed onto the restored file
                Files.move(journal, dataDir.resolve(MapDbStorage.FILE_NAME + JournaledVolume.SUFFIX + ".before-restore"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.exists(commitLog)) { // nor its commit log
                Files.move(commitLog, dataDir.resolve(MapDbStorage.FILE_NAME + CommitLog.SUFFIX + ".before-restore"),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(copy, store, StandardCopyOption.ATOMIC_MOVE);
            long bytes = Files.size(store);
            log.info("store restored file={} from={} bytes={}", store.toAbsolutePath(), backup.toAbsolutePath(), bytes);
            return new BackupResult(store.toAbsolutePath(), bytes, 0, tables);
        } catch (IOException e) {
            throw new StoreException("cannot restore " + backup + " into " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        } finally {
            try {
                deleteTree(work);
            } catch (IOException ignored) {
                // removed by the next restore
            }
        }
    }

    /** Opens the store in {@code folder} and reads every value; throws {@link StoreException} when one does not open. */
    private static Map<String, Long> check(Path folder, ValueCodec codec, ZoneId zone) {
        try (Stores copy = new Stores(MapDbStorage.open(folder), 1, zone, codec)) {
            return copy.verify();
        } catch (StoreException e) {
            throw new StoreException("the backup does not open (" + e.getMessage() + "); is it a Kontakt backup, opened with the same "
                    + "KONTAKT_SECRET_KEY or key file?", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
