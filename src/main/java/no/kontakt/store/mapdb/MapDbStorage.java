package no.kontakt.store.mapdb;

import no.kontakt.store.OwnerOnly;
import no.kontakt.store.Storage;
import no.kontakt.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.List;
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
 * {@link Storage} in one MapDB file (transactions on, values as bytes of JSON). A commit is one record appended to the
 * {@link CommitLog} and forced: the writes are already in the B-trees (in MapDB's open transaction, which readers see),
 * and MapDB itself commits only at a checkpoint (when the log passes {@value #CHECKPOINT_BYTES} bytes, before a backup
 * and at close), through a redo journal ({@link JournaledVolume}) that makes that commit atomic and durable under SIGKILL
 * and power loss; then the log is emptied. Opening writes the log's records into the B-trees again.
 */
public final class MapDbStorage implements Storage {
    private static final Logger log = LoggerFactory.getLogger(MapDbStorage.class);
    public static final String FILE_NAME = "kontakt.mapdb";

    private final DB db;
    private final Path file;
    private final JournaledVolume volume;
    private volatile RuntimeException failure;
    private final Map<String, LoggedTable> tables = new ConcurrentHashMap<>();
    /** Log bytes after which a commit checkpoints: MapDB's open transaction (in memory) grows with the log. */
    static final long CHECKPOINT_BYTES = Long.getLong("kontakt.store.checkpointBytes", 4L << 20);
    private static final byte PUT = 'P';
    private static final byte REMOVE = 'R';
    private static final byte CREATE = 'C';

    private static final byte[] ABSENT = new byte[0];

    private final CommitLog commitLog;
    /** The value each key had at the last commit, for the keys written since (ABSENT: there was none). */
    private final Map<String, Map<String, byte[]>> undo = new java.util.HashMap<>();
    /** The writes since the last commit, encoded as the body of the next log record. */
    private final Body writes = new Body();
    private int writeCount;
    private long seq;
    private long commits;
    private long checkpoints;

    private MapDbStorage(DB db, Path file, JournaledVolume volume, CommitLog commitLog) {
        this.db = db;
        this.file = file;
        this.volume = volume;
        this.commitLog = commitLog;
        resetWrites();
    }

    /** A growable byte array with the few writes a log record needs. */
    private static final class Body extends java.io.ByteArrayOutputStream {
        Body() {
            super(1 << 12);
        }

        void writeInt(int v) {
            write(v >>> 24);
            write(v >>> 16);
            write(v >>> 8);
            write(v);
        }

        void writeBlob(byte[] b) {
            writeInt(b.length);
            write(b, 0, b.length);
        }

        void writeString(String s) {
            writeBlob(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        byte[] array() {
            return buf;
        }
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
            MapDbStorage storage = new MapDbStorage(db, file, volume, openLog(file, db));
            log.info("store opened file={}", file.toAbsolutePath());
            return storage;
        } catch (RuntimeException e) {
            volume.close();
            throw damaged(file, e);
        }
    }

    /**
     * Opens the commit log and writes its whole records into the B-trees, then checkpoints (MapDB commits, the log is
     * emptied); an incomplete last record was never acknowledged and is dropped.
     */
    private static CommitLog openLog(Path file, DB db) {
        Path path = file.resolveSibling(file.getFileName() + CommitLog.SUFFIX);
        CommitLog commitLog = null;
        try {
            createOwnerOnly(path);
            commitLog = CommitLog.open(path);
            List<CommitLog.Entry> entries = commitLog.read();
            long whole = CommitLog.length(entries);
            if (!entries.isEmpty()) {
                Map<String, NavigableMap<String, byte[]>> trees = new java.util.HashMap<>();
                for (CommitLog.Entry entry : entries) {
                    apply(entry.body(), name -> trees.computeIfAbsent(name, n -> tree(db, n)));
                }
                db.commit();
                log.info("store recovered commits={} bytes={} from the commit log", entries.size(), whole);
            }
            if (commitLog.size() > whole) {
                log.warn("store commit log ended in an incomplete commit bytes={}: it was never acknowledged and is dropped",
                        commitLog.size() - whole);
            }
            if (commitLog.size() > 0) {
                commitLog.clear();
            }
            return commitLog;
        } catch (IOException e) {
            closeQuietly(commitLog);
            throw new StoreException("cannot read the commit log " + path.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(commitLog);
            throw e;
        }
    }

    private static void closeQuietly(CommitLog commitLog) {
        if (commitLog != null) {
            try {
                commitLog.close();
            } catch (IOException ignored) {
                // failing already
            }
        }
    }

    /** Writes one log record's operations into the trees. */
    private static void apply(ByteBuffer body, java.util.function.Function<String, NavigableMap<String, byte[]>> trees) {
        int count = body.getInt();
        for (int i = 0; i < count; i++) {
            byte op = body.get();
            NavigableMap<String, byte[]> tree = trees.apply(string(body));
            if (op == PUT) {
                String key = string(body);
                byte[] value = new byte[body.getInt()];
                body.get(value);
                tree.put(key, value);
            } else if (op == REMOVE) {
                tree.remove(string(body));
            } else if (op != CREATE) {
                throw new StoreException("the commit log holds an unknown operation " + op);
            }
        }
        if (body.hasRemaining()) {
            throw new StoreException("the commit log holds a record longer than its operations");
        }
    }

    private static String string(ByteBuffer body) {
        byte[] bytes = new byte[body.getInt()];
        body.get(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static NavigableMap<String, byte[]> tree(DB db, String name) {
        // values outside the B-tree nodes: a write rewrites a node of keys, not 32 sealed values, so a checkpoint
        // journals and syncs a fraction of the bytes. A table created before keeps its layout (MapDB reads it from
        // the catalogue).
        return db.treeMap(name, Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createOrOpen();
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
        LoggedTable table = tables.get(name);
        return table != null ? table : tables.computeIfAbsent(name, n -> {
            try {
                if (!db.exists(n)) {
                    logCreate(n); // an empty table outlives a kill too
                }
                return new LoggedTable(this, n, tree(db, n));
            } catch (RuntimeException e) {
                throw damaged(file, e);
            }
        });
    }

    /** A write of the open commit, and the value it replaced (null when absent) for a rollback. */
    synchronized void logPut(String table, String key, byte[] value, byte[] previous) {
        writes.write(PUT);
        writes.writeString(table);
        writes.writeString(key);
        writes.writeBlob(value);
        writeCount++;
        remember(table, key, previous);
    }

    synchronized void logRemove(String table, String key, byte[] previous) {
        writes.write(REMOVE);
        writes.writeString(table);
        writes.writeString(key);
        writeCount++;
        remember(table, key, previous);
    }

    private void remember(String table, String key, byte[] previous) {
        undo.computeIfAbsent(table, t -> new java.util.HashMap<>()).putIfAbsent(key, previous == null ? ABSENT : previous);
    }

    private synchronized void logCreate(String table) {
        writes.write(CREATE);
        writes.writeString(table);
        writeCount++;
    }

    /**
     * Makes the writes since the last commit durable: one record appended to the commit log and forced (one
     * fdatasync); when the log has grown past {@value #CHECKPOINT_BYTES} bytes, a checkpoint follows. If the append or
     * the checkpoint fails, what is in memory is no longer known to match the disk: the store stops ({@link #isOpen()}
     * turns false) and a restart recovers the last commit.
     */
    @Override
    public void commit() {
        stopIfFailed();
        try {
            synchronized (this) {
                if (writeCount == 0) {
                    return;
                }
                byte[] body = writes.array();
                int length = writes.size();
                java.nio.ByteBuffer.wrap(body).putInt(0, writeCount);
                commitLog.append(++seq, body, length);
                resetWrites();
                commits++;
            }
        } catch (IOException | RuntimeException e) {
            failure = e instanceof RuntimeException r ? r : new StoreException(e.getMessage(), e);
            log.error("store commit failed; the store stops until Kontakt is restarted", e);
            throw new StoreException("the store could not commit (" + reason(e) + "); restart Kontakt", e);
        }
        if (commitLog.size() >= CHECKPOINT_BYTES) {
            try {
                checkpoint();
            } catch (RuntimeException e) {
                // this commit is durable (in the log) and stands; a failed checkpoint stops the store, a restart replays the log
            }
        }
    }

    /** The body of the next record starts with its count of operations, filled in at the commit. */
    private void resetWrites() {
        writes.reset();
        writes.writeInt(0);
        writeCount = 0;
        undo.clear();
    }

    /**
     * Commits MapDB (through its journal: atomic and durable), then empties the commit log, whose every record is then
     * in the file. Call it between commits (on the committer thread, or in {@link Committer#runBetweenCommits}).
     */
    public void checkpoint() {
        stopIfFailed();
        synchronized (this) {
            // a table another thread created meanwhile (first use) may be committed to MapDB: its creation is logged too
            if (!undo.isEmpty()) {
                throw new StoreException("a checkpoint between commits only: " + writeCount + " writes are not committed");
            }
        }
        try {
            db.commit();
            commitLog.clear();
            checkpoints++;
        } catch (IOException | RuntimeException e) {
            failure = e instanceof RuntimeException r ? r : new StoreException(e.getMessage(), e);
            log.error("store checkpoint failed; the store stops until Kontakt is restarted", e);
            throw new StoreException("the store could not checkpoint (" + reason(e) + "); restart Kontakt", e);
        }
    }

    private void stopIfFailed() {
        if (failure != null) {
            throw new StoreException("the store stopped after a failed commit (" + reason(failure) + "); restart Kontakt", failure);
        }
    }

    /**
     * Discards the writes since the last commit: each key written since gets back the value it had at the commit (MapDB's
     * own rollback would go back to the last checkpoint). A table created since stays, empty.
     */
    @Override
    public synchronized void rollback() {
        if (writeCount == 0) {
            return;
        }
        try {
            for (var table : undo.entrySet()) {
                NavigableMap<String, byte[]> tree = ((LoggedTable) table(table.getKey())).tree();
                for (var key : table.getValue().entrySet()) {
                    if (key.getValue() == ABSENT) {
                        tree.remove(key.getKey());
                    } else {
                        tree.put(key.getKey(), key.getValue());
                    }
                }
            }
            resetWrites();
        } catch (RuntimeException e) {
            failure = e;
            log.error("store rollback failed; the store stops until Kontakt is restarted", e);
            throw new StoreException("the store could not roll back (" + reason(e) + "); restart Kontakt", e);
        }
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

    /** Commits appended to the commit log since the store was opened, and checkpoints (MapDB committed, the log emptied). */
    public long logCommits() {
        return commits;
    }

    public long logCheckpoints() {
        return checkpoints;
    }

    /** MapDB commits journaled since the store was opened, and journal checkpoints (the file forced, the journal emptied). */
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
     * Checkpoints, then copies the store file to {@code target} (made 0600, forced to disk). Call it between commits only
     * ({@link Committer#runBetweenCommits}): then every committed write is in the file (neither the journal nor the
     * commit log holds anything the file lacks) and nothing writes, so the copy is the store as of the last commit.
     */
    void copyTo(Path target) {
        checkpoint();
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

    /** Discards writes not committed, checkpoints (unless the store failed: the log then stays for the next open), closes. */
    @Override
    public synchronized void close() {
        if (!db.isClosed()) {
            try {
                if (failure == null && !volume.failed()) {
                    rollback();
                    checkpoint();
                }
            } catch (RuntimeException e) {
                log.error("store checkpoint at close failed; the commit log is replayed at the next open", e);
            } finally {
                db.close();
                closeQuietly(commitLog);
            }
            log.info("store closed file={}", file.toAbsolutePath());
        }
    }
}
