package no.kontakt.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import org.mapdb.DB;
import org.mapdb.DBException;
import org.mapdb.DBMaker;
import org.mapdb.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Storage} in one MapDB file with its write-ahead log: transactions on, values as bytes of JSON. */
public final class MapDbStorage implements Storage {
    private static final Logger log = LoggerFactory.getLogger(MapDbStorage.class);
    public static final String FILE_NAME = "kontakt.mapdb";

    private final DB db;
    private final Path file;
    private final Map<String, NavigableMap<String, byte[]>> tables = new ConcurrentHashMap<>();

    private MapDbStorage(DB db, Path file) {
        this.db = db;
        this.file = file;
    }

    /** Opens (or creates) the store in {@code dataDir}; fails with a clear message if another process holds it. */
    public static MapDbStorage open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data folder " + dataDir.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        try {
            DB db = DBMaker.fileDB(file.toFile())
                    .transactionEnable()
                    // file channel, not mmap: with mmap, a SIGKILL mid-commit was seen to leave a B-tree that
                    // loops on read after the write-ahead log was replayed (CrashTest)
                    .fileChannelEnable()
                    .make();
            log.info("store opened file={}", file.toAbsolutePath());
            return new MapDbStorage(db, file);
        } catch (DBException.FileLocked e) {
            throw new StoreException("the store " + file.toAbsolutePath()
                    + " is in use by another Kontakt process; stop it or set KONTAKT_DATA_DIR to another folder", e);
        } catch (DBException e) {
            throw new StoreException("cannot open the store " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public NavigableMap<String, byte[]> table(String name) {
        return tables.computeIfAbsent(name, n -> db.treeMap(n, Serializer.STRING, Serializer.BYTE_ARRAY).createOrOpen());
    }

    @Override
    public void commit() {
        db.commit();
    }

    @Override
    public void rollback() {
        db.rollback();
        // a table created in the rolled-back transaction no longer exists: forget every cached handle
        tables.clear();
    }

    @Override
    public boolean isOpen() {
        return !db.isClosed();
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        if (!db.isClosed()) {
            db.close();
            log.info("store closed file={}", file.toAbsolutePath());
        }
    }
}
