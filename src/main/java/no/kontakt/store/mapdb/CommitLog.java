package no.kontakt.store.mapdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The commit point of the MapDB store: each commit is one record appended to {@code <file>.log} and forced (one
 * fdatasync), holding the commit's writes as table, key and value (or removal). The MapDB file is committed only at a
 * checkpoint, after which the log is emptied; at open, every whole record of the log is written into the B-trees again.
 *
 * <p>Replaying is safe on the file before or after the checkpoint that a kill interrupted: the records are blind writes
 * in commit order, so replaying all of them over any state on the way from the last checkpoint gives the same result.
 * A record is magic, body length, sequence number, body, then a CRC-32C of all of that; the first record that is not
 * whole (a torn last append, never acknowledged) ends the log.
 */
final class CommitLog implements AutoCloseable {
    static final String SUFFIX = ".log";
    private static final int MAGIC = 0x4B4C4F47; // "KLOG"
    private static final int HEAD = 16; // magic, length, sequence
    private static final int TAIL = 4;

    /** A whole record read back: its sequence number and body. */
    record Entry(long seq, ByteBuffer body) {}

    private final Path path;
    private final FileChannel channel;
    private long size;

    private CommitLog(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.size = size;
    }

    static CommitLog open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        return new CommitLog(path, channel, channel.size());
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    /**
     * The whole records from the start, in order; stops at the first record that is not whole. A sequence number that
     * does not follow the one before means the log is not this store's: that fails.
     */
    List<Entry> read() throws IOException {
        List<Entry> entries = new ArrayList<>();
        long fileSize = channel.size();
        long position = 0;
        while (position + HEAD + TAIL <= fileSize) {
            ByteBuffer head = read(position, HEAD);
            int magic = head.getInt();
            int length = head.getInt();
            long seq = head.getLong();
            if (magic != MAGIC || length < 0 || position + HEAD + length + TAIL > fileSize) {
                break;
            }
            ByteBuffer body = read(position + HEAD, length + TAIL);
            CRC32C crc = new CRC32C();
            crc.update(head.flip());
            crc.update(body.slice(0, length));
            if ((int) crc.getValue() != body.getInt(length)) {
                break;
            }
            if (!entries.isEmpty() && seq != entries.get(entries.size() - 1).seq() + 1) {
                throw new IOException("the commit log " + path + " skips from commit " + entries.get(entries.size() - 1).seq() + " to " + seq);
            }
            entries.add(new Entry(seq, body.limit(length).slice()));
            position += HEAD + length + TAIL;
        }
        return entries;
    }

    /** The bytes of the whole records, from the start: where the next record goes after {@link #read()}. */
    static long length(List<Entry> entries) {
        long n = 0;
        for (Entry e : entries) {
            n += HEAD + e.body().remaining() + TAIL;
        }
        return n;
    }

    private ByteBuffer read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the commit log ended while reading it");
            }
        }
        return buffer.flip();
    }

    /** Appends one record and forces it to disk; when this returns, the commit is durable. */
    void append(long seq, byte[] body, int length) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(HEAD + length + TAIL);
        record.putInt(MAGIC).putInt(length).putLong(seq).put(body, 0, length);
        CRC32C crc = new CRC32C();
        crc.update(record.array(), 0, HEAD + length);
        record.putInt((int) crc.getValue()).flip();
        long at = size;
        while (record.hasRemaining()) {
            channel.write(record, at + record.position());
        }
        channel.force(false);
        size += record.capacity();
    }

    /** Empties the log (after a checkpoint made the file hold every record in it). */
    void clear() throws IOException {
        channel.truncate(0);
        channel.force(true);
        size = 0;
    }

    /** Drops what follows the whole records (a torn append) so the next record follows the last whole one. */
    void cut(long length) throws IOException {
        if (channel.size() > length) {
            channel.truncate(length);
            channel.force(true);
        }
        size = length;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
