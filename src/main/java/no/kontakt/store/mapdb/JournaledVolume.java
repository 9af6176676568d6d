package no.kontakt.store.mapdb;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.mapdb.CC;
import org.mapdb.DBException;
import org.mapdb.DataInput2;
import org.mapdb.volume.FileChannelVol;
import org.mapdb.volume.Volume;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MapDB file behind a redo journal, so that a commit reaches the file whole or not at all.
 *
 * <p>Why: MapDB 3.1.0's {@code StoreWAL} commits by forcing its write-ahead log and then writing the transaction into
 * the file in place (header, index table, free lists, records) before forcing the file; it never replays that log when
 * the store is opened again (and the log lacks the index table and free lists, so it could not). A process killed
 * during the in-place writes leaves a file whose header and index point at records that were never written: B-tree
 * nodes that do not parse, or that link into a loop.
 *
 * <p>How: every write between two {@link #sync()} calls is kept in memory (reads see it). {@code StoreWAL} calls
 * {@code sync()} once, at the end of its commit; then the writes are appended to {@code <file>.journal} as one frame
 * (length, CRC-32C), the journal is forced (fdatasync), and only then are they written into the file, which is not
 * forced. A commit therefore costs one fsync. When the store is opened, every whole frame is written into the file
 * again (writing the same bytes at the same offsets twice changes nothing) and a torn last frame, whose writes had not
 * started, is dropped. A checkpoint (file forced, journal emptied) runs when the journal passes {@value #CHECKPOINT_BYTES}
 * bytes and at close.
 *
 * <p>Only the thread that commits writes (MapDB holds every segment lock while committing, so no reader runs then).
 * After a failed journal write or force the volume refuses everything: what MapDB believes committed may not be, and
 * only a restart (which replays the journal) gives a state known to be durable.
 */
final class JournaledVolume extends Volume {
    private static final Logger log = LoggerFactory.getLogger(JournaledVolume.class);
    static final String SUFFIX = ".journal";
    static final long CHECKPOINT_BYTES = 16L << 20;
    private static final int MAGIC = 0x4B4A4E4C; // "KJNL"
    private static final int FRAME_HEAD = 8; // magic, body length
    private static final int FRAME_TAIL = 4; // CRC-32C of magic, length and body

    private record Extent(long offset, byte[] data) {}

    /** What opening found in the journal, for the log and for tests. */
    record Recovery(int frames, long bytes, long tornBytes) {}

    private final FileChannelVol file;
    private final Path journalPath;
    private final FileChannel journal;
    private final Recovery recovery;
    private final List<Extent> pending = new ArrayList<>();
    private long pendingLength = -1;
    private long journalSize;
    private volatile boolean dirty;
    private volatile boolean deferSyncs;
    private volatile RuntimeException failure;
    private long frames;
    private long checkpoints;

    private JournaledVolume(FileChannelVol file, Path journalPath, FileChannel journal, Recovery recovery) {
        this.file = file;
        this.journalPath = journalPath;
        this.journal = journal;
        this.recovery = recovery;
    }

    /**
     * Opens the file (taking MapDB's exclusive lock on it, or throwing {@link DBException.FileLocked}) and replays its
     * journal into it.
     */
    static JournaledVolume open(Path path) {
        boolean created = path.toFile().length() == 0; // new, or made empty (0600) just before by MapDbStorage
        FileChannelVol file = new FileChannelVol(path.toFile(), false, 0L, CC.PAGE_SHIFT, 0L);
        Path journalPath = path.resolveSibling(path.getFileName() + SUFFIX);
        FileChannel journal = null;
        try {
            created |= !Files.exists(journalPath);
            journal = FileChannel.open(journalPath, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
            if (created) {
                forceDirectory(path.toAbsolutePath().getParent());
            }
            Recovery recovery = replay(journal, file);
            if (recovery.frames() > 0 || recovery.tornBytes() > 0) {
                file.sync();
                journal.truncate(0);
                journal.force(true);
            }
            return new JournaledVolume(file, journalPath, journal, recovery);
        } catch (IOException | RuntimeException e) {
            closeQuietly(journal);
            file.close();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new DBException.VolumeIOError((IOException) e);
        }
    }

    /** Writes every whole frame of the journal into the file; stops at the first frame that is not whole. */
    private static Recovery replay(FileChannel journal, FileChannelVol file) throws IOException {
        long size = journal.size();
        long position = 0;
        int frames = 0;
        while (position + FRAME_HEAD + FRAME_TAIL <= size) {
            ByteBuffer head = read(journal, position, FRAME_HEAD);
            int magic = head.getInt();
            int length = head.getInt();
            if (magic != MAGIC || length < 12 || position + FRAME_HEAD + length + FRAME_TAIL > size) {
                break;
            }
            ByteBuffer body = read(journal, position + FRAME_HEAD, length + FRAME_TAIL);
            CRC32C crc = new CRC32C();
            crc.update(head.flip());
            crc.update(body.slice(0, length));
            if ((int) crc.getValue() != body.getInt(length)) {
                break;
            }
            apply(body.limit(length), file);
            frames++;
            position += FRAME_HEAD + length + FRAME_TAIL;
        }
        return new Recovery(frames, position, size - position);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the journal ended while reading it");
            }
        }
        return buffer.flip();
    }

    /** Body: length the file must have (or -1), number of extents, then each extent as offset, size, bytes. */
    private static void apply(ByteBuffer body, Volume target) {
        long length = body.getLong();
        int count = body.getInt();
        if (length > 0) {
            target.ensureAvailable(length);
        }
        for (int i = 0; i < count; i++) {
            long offset = body.getLong();
            int size = body.getInt();
            byte[] data = new byte[size];
            body.get(data);
            target.putData(offset, data, 0, size);
        }
    }

    Recovery recovery() {
        return recovery;
    }

    /** Commits journaled so far, and checkpoints. */
    long frames() {
        return frames;
    }

    long checkpoints() {
        return checkpoints;
    }

    /** While on, {@link #sync()} keeps the writes pending: a new store's first frame then holds all of its creation. */
    void deferSyncs(boolean defer) {
        this.deferSyncs = defer;
    }

    /** The journal or the file could not be written: nothing more is accepted. */
    boolean failed() {
        return failure != null;
    }

    // ---- writes: kept until the next sync

    private synchronized void add(long offset, byte[] data) {
        check();
        pending.add(new Extent(offset, data));
        dirty = true;
    }

    @Override
    public void putLong(long offset, long value) {
        add(offset, ByteBuffer.allocate(8).putLong(value).array());
    }

    @Override
    public void putInt(long offset, int value) {
        add(offset, ByteBuffer.allocate(4).putInt(value).array());
    }

    @Override
    public void putByte(long offset, byte value) {
        add(offset, new byte[] {value});
    }

    @Override
    public void putData(long offset, byte[] src, int srcPos, int srcSize) {
        byte[] data = new byte[srcSize];
        System.arraycopy(src, srcPos, data, 0, srcSize);
        add(offset, data);
    }

    @Override
    public void putData(long offset, ByteBuffer buf) {
        byte[] data = new byte[buf.remaining()];
        buf.get(data);
        add(offset, data);
    }

    @Override
    public void clear(long startOffset, long endOffset) {
        for (long at = startOffset; at < endOffset; at += 1 << 16) {
            add(at, new byte[(int) Math.min(1 << 16, endOffset - at)]);
        }
    }

    @Override
    public synchronized void ensureAvailable(long offset) {
        check();
        if (offset > length()) {
            pendingLength = offset;
            dirty = true;
        }
    }

    @Override
    public void truncate(long size) {
        throw new UnsupportedOperationException("the journaled store file does not shrink");
    }

    /** The end of a MapDB commit: journal the pending writes, force the journal, then write them into the file. */
    @Override
    public synchronized void sync() {
        check();
        if (deferSyncs || !dirty) {
            return;
        }
        try {
            ByteBuffer frame = frame();
            long at = journalSize;
            while (frame.hasRemaining()) {
                journal.write(frame, at + frame.position());
            }
            journal.force(false);
            journalSize += frame.capacity();
            frames++;
            if (pendingLength > 0) {
                file.ensureAvailable(pendingLength);
            }
            for (Extent e : pending) {
                file.putData(e.offset(), e.data(), 0, e.data().length);
            }
            pending.clear();
            pendingLength = -1;
            dirty = false;
            if (journalSize >= CHECKPOINT_BYTES) {
                checkpoint();
            }
        } catch (IOException | RuntimeException e) {
            failure = new DBException.VolumeIOError(new IOException("the store journal " + journalPath + " or its file could not be written: "
                    + MapDbStorage.reason(e), e));
            // reads go on seeing the file (the last commit applied), not this commit's writes
            pending.clear();
            pendingLength = -1;
            dirty = false;
            throw failure;
        }
    }

    private ByteBuffer frame() {
        int length = 12;
        for (Extent e : pending) {
            length += 12 + e.data().length;
        }
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEAD + length + FRAME_TAIL);
        frame.putInt(MAGIC).putInt(length).putLong(pendingLength).putInt(pending.size());
        for (Extent e : pending) {
            frame.putLong(e.offset()).putInt(e.data().length).put(e.data());
        }
        CRC32C crc = new CRC32C();
        crc.update(frame.array(), 0, FRAME_HEAD + length);
        frame.putInt((int) crc.getValue());
        return frame.flip();
    }

    /** Forces the file, then empties the journal: every frame in it is then in the forced file. */
    private void checkpoint() throws IOException {
        file.sync();
        journal.truncate(0);
        journal.force(true);
        journalSize = 0;
        checkpoints++;
    }

    private void check() {
        RuntimeException f = failure;
        if (f != null) {
            throw new DBException.VolumeIOError(new IOException("the store stopped after a failed write; restart Kontakt", f));
        }
    }

    // ---- reads: from the file, with the pending writes laid over it

    @Override
    public long getLong(long offset) {
        return dirty ? ByteBuffer.wrap(overlay(offset, 8)).getLong() : file.getLong(offset);
    }

    @Override
    public int getInt(long offset) {
        return dirty ? ByteBuffer.wrap(overlay(offset, 4)).getInt() : file.getInt(offset);
    }

    @Override
    public byte getByte(long offset) {
        return dirty ? overlay(offset, 1)[0] : file.getByte(offset);
    }

    @Override
    public DataInput2 getDataInput(long offset, int size) {
        return dirty ? new DataInput2.ByteArray(overlay(offset, size)) : file.getDataInput(offset, size);
    }

    @Override
    public void getData(long offset, byte[] bytes, int bytesPos, int size) {
        if (dirty) {
            System.arraycopy(overlay(offset, size), 0, bytes, bytesPos, size);
        } else {
            file.getData(offset, bytes, bytesPos, size);
        }
    }

    private synchronized byte[] overlay(long offset, int size) {
        byte[] out = new byte[size];
        long inFile = Math.min(size, Math.max(0, file.length() - offset));
        if (inFile > 0) {
            file.getData(offset, out, 0, (int) inFile);
        }
        for (Extent e : pending) {
            long from = Math.max(offset, e.offset());
            long to = Math.min(offset + size, e.offset() + e.data().length);
            if (from < to) {
                System.arraycopy(e.data(), (int) (from - e.offset()), out, (int) (from - offset), (int) (to - from));
            }
        }
        return out;
    }

    // ---- the rest

    @Override
    public synchronized long length() {
        return Math.max(file.length(), pendingLength);
    }

    /** Checkpoints (unless a write failed: the journal then stays, for the next open) and closes both files. */
    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (failure == null && journalSize > 0) {
                checkpoint();
            }
        } catch (IOException e) {
            log.error("store journal checkpoint at close failed; the journal is replayed at the next open", e);
        } finally {
            closeQuietly(journal);
            file.close();
        }
    }

    @Override
    public int sliceSize() {
        return file.sliceSize();
    }

    @Override
    public boolean isSliced() {
        return file.isSliced();
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public File getFile() {
        return file.getFile();
    }

    @Override
    public boolean getFileLocked() {
        return file.getFileLocked();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing after a failure
            }
        }
    }

    /** So that a newly created file's name survives a power cut (Linux; elsewhere a no-op). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not supported on this platform
        }
    }
}
