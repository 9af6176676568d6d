package no.kontakt.store.mapdb;

import no.kontakt.store.OwnerOnly;
import no.kontakt.store.Storage;
import no.kontakt.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import org.mapdb.CC;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.Serializer;
import org.mapdb.StoreWAL;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Storage} in one MapDB file (transactions on, values as bytes of JSON) behind a redo journal
 * ({@link JournaledVolume}) that makes every commit atomic and durable under SIGKILL and power loss.
 */
public final class MapDbStorage implements Storage {
    private static final Logger log = LoggerFactory.getLogger(MapDbStorage.class);
    public static final String FILE_NAME = "kontakt.mapdb";

    private final DB db;
    private final Path file;
    private final JournaledVolume volume;
    private volatile RuntimeException failure;
    private final Map<String, NavigableMap<String, byte[]>> tables = new ConcurrentHashMap<>();

    private MapDbStorage(DB db, Path file, JournaledVolume volume) {
        this.db = db;
        this.file = file;
        this.volume = volume;
    }

    /**
     * Opens (or creates) the store in {@code dataDir}; fails with a clear message if another process holds it or the
     * file is damaged. The file sits behind a {@link JournaledVolume}: MapDB's own write-ahead log is kept in memory
     * (it is only the scratch space of the open transaction; MapDB 3.1.0 never replays it), and the journal makes each
     * commit reach the file whole.
     */
    public static MapDbStorage open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            OwnerOnly.folder(dataDir);
            createOwnerOnly(file);
            createOwnerOnly(file.resolveSibling(file.getFileName() + JournaledVolume.SUFFIX));
        } catch (IOException e) {
            throw new StoreException("cannot create the data folder " + dataDir.toAbsolutePath() + " (0700) or the store in it (0600): "
                    + e.getMessage(), e);
        }
        JournaledVolume volume;
        try {
            volume = JournaledVolume.open(file);
        } catch (DBException.FileLocked e) {
            throw new StoreException("the store " + file.toAbsolutePath()
                    + " is in use by another Kontakt process; stop it or set KONTAKT_DATA_DIR to another folder", e);
        } catch (RuntimeException e) {
            throw new StoreException("cannot open the store " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        try {
            var recovery = volume.recovery();
            if (recovery.frames() > 0) {
                log.info("store recovered commits={} bytes={} from the journal", recovery.frames(), recovery.bytes());
            }
            if (recovery.tornBytes() > 0) {
                log.warn("store journal ended in an incomplete commit bytes={}: it was never acknowledged and is dropped", recovery.tornBytes());
            }
            removeLeftoverWal(file);
            boolean exists = volume.length() > 0;
            VolumeFactory volumes = new VolumeFactory() {
                @Override
                public Volume makeVolume(String name, boolean readOnly, long fileLockWait, int sliceShift, long initSize, boolean fixedSize) {
                    if (name != null && Path.of(name).equals(file)) {
                        return volume;
                    }
                    // MapDB's write-ahead log: the open transaction's records, read back by the commit
                    return new ScratchVolume();
                }

                @Override
                public boolean exists(String name) {
                    return exists && name != null && Path.of(name).equals(file);
                }

                @Override
                public boolean handlesReadonly() {
                    return false;
                }
            };
            // a new store's header and MapDB's catalogue go into one journal frame, so a kill cannot leave half a store
            volume.deferSyncs(!exists);
            // the arguments DBMaker.fileDB(file).transactionEnable() passes
            StoreWAL store = new StoreWAL(file.toString(), volumes, 0L, true, CC.STORE_DIRECT_CONC_SHIFT, 0L, 0L,
                    false, false, false, true, false);
            volume.deferSyncs(false);
            DB db = new DB(store, exists, true, MapDbStorage.class.getClassLoader(), 0);
            log.info("store opened file={}", file.toAbsolutePath());
            return new MapDbStorage(db, file, volume);
        } catch (RuntimeException e) {
            volume.close();
            throw damaged(file, e);
        }
    }

    /** The store file and its journal are made 0600 before MapDB opens them, and narrowed to 0600 when they exist. */
    private static void createOwnerOnly(Path path) throws IOException {
        if (Files.exists(path)) {
            OwnerOnly.file(path);
        } else {
            OwnerOnly.create(path);
        }
    }

    /**
     * MapDB's write-ahead log files (an earlier Kontakt kept them on disk; MapDB never replays them): if there are any,
     * that version was stopped during a transaction, and if it was during a commit the file may be damaged.
     */
    private static void removeLeftoverWal(Path file) {
        for (int i = 0; ; i++) {
            Path wal = file.resolveSibling(file.getFileName() + ".wal." + i);
            try {
                if (!Files.deleteIfExists(wal)) {
                    return;
                }
                log.warn("store removed {} left by an earlier Kontakt that was not stopped cleanly; run `store check`", wal.getFileName());
            } catch (IOException e) {
                log.warn("store cannot remove {}: {}", wal, e.getMessage());
                return;
            }
        }
    }

    /** The first message down the chain of causes (MapDB's own exceptions often have none). */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return e.toString();
    }

    private static StoreException damaged(Path file, RuntimeException e) {
        if (e instanceof StoreException s) {
            return s;
        }
        return new StoreException("the store " + file.toAbsolutePath() + " does not open (" + e
                + "); it is damaged: restore the data folder from a backup", e);
    }

    @Override
    public NavigableMap<String, byte[]> table(String name) {
        stopIfFailed();
        return tables.computeIfAbsent(name, n -> {
            try {
                // values outside the B-tree nodes: a write rewrites a node of keys, not 32 sealed values, so a commit
                // journals and syncs a fraction of the bytes (bench: 1.4-2.8x the messages a second). A table created
                // before keeps its layout (MapDB reads it from the catalogue).
                return db.treeMap(n, Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createOrOpen();
            } catch (RuntimeException e) {
                throw damaged(file, e);
            }
        });
    }

    /**
     * Makes the transaction durable (one journal fsync). If the commit fails, MapDB's state in memory is no longer known
     * to match the disk: the store stops ({@link #isOpen()} turns false) and a restart recovers the last commit.
     */
    @Override
    public void commit() {
        stopIfFailed();
        try {
            db.commit();
        } catch (RuntimeException e) {
            failure = e;
            log.error("store commit failed; the store stops until Kontakt is restarted", e);
            throw new StoreException("the store could not commit (" + reason(e) + "); restart Kontakt", e);
        }
    }

    private void stopIfFailed() {
        if (failure != null) {
            throw new StoreException("the store stopped after a failed commit (" + reason(failure) + "); restart Kontakt", failure);
        }
    }

    @Override
    public void rollback() {
        db.rollback();
        // a table created in the rolled-back transaction no longer exists: forget every cached handle
        tables.clear();
    }

    @Override
    public java.util.SortedSet<String> tableNames() {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        db.getAllNames().forEach(names::add);
        return names;
    }

    @Override
    public boolean isOpen() {
        return !db.isClosed() && failure == null && !volume.failed();
    }

    /** Commits journaled since the store was opened, and checkpoints (the file forced, the journal emptied). */
    public long journalFrames() {
        return volume.frames();
    }

    public long journalCheckpoints() {
        return volume.checkpoints();
    }

    @Override
    public java.util.Optional<Path> folder() {
        return java.util.Optional.of(file.toAbsolutePath().getParent());
    }

    public Path file() {
        return file;
    }

    /**
     * Copies the store file to {@code target} (made 0600, forced to disk). Call it between commits only
     * ({@link Committer#runBetweenCommits}): then every committed write is in the file (the journal holds nothing the
     * file lacks) and nothing writes, so the copy is the store as of the last commit.
     */
    void copyTo(Path target) {
        try (var in = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            OwnerOnly.create(target);
            try (var out = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.WRITE)) {
                long size = in.size();
                for (long at = 0; at < size; ) {
                    at += in.transferTo(at, size - at, out);
                }
                out.force(true);
            }
        } catch (IOException e) {
            throw new StoreException("cannot copy the store to " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (!db.isClosed()) {
            db.close();
            log.info("store closed file={}", file.toAbsolutePath());
        }
    }
}
