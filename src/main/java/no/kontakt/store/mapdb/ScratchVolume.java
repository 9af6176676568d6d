package no.kontakt.store.mapdb;

import java.io.File;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

/**
 * MapDB's write-ahead log of one transaction, in memory: {@code StoreWAL} keeps the records of the open transaction
 * there and reads them back while committing, and MapDB 3.1.0 never reads the log again, so it needs neither a file
 * nor an fsync ({@link JournaledVolume} makes the commit durable). One array that grows by doubling from 64 KiB,
 * instead of MapDB's in-memory volume, which takes 1 MiB per transaction.
 */
final class ScratchVolume extends Volume {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final int INITIAL = 1 << 16;

    private byte[] bytes = new byte[INITIAL];
    private long length;

    private int at(long offset, int size) {
        long end = offset + size;
        if (offset < 0 || end > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("offset out of range: " + offset);
        }
        if (end > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(end, 2L * bytes.length)));
        }
        length = Math.max(length, end);
        return (int) offset;
    }

    @Override
    public synchronized void ensureAvailable(long offset) {
        at(offset, 0);
    }

    @Override
    public synchronized void truncate(long size) {
        length = size;
        if (size <= INITIAL) {
            bytes = new byte[INITIAL];
        } else {
            Arrays.fill(bytes, (int) size, bytes.length, (byte) 0);
        }
    }

    @Override
    public synchronized void putLong(long offset, long value) {
        LONG.set(bytes, at(offset, 8), value);
    }

    @Override
    public synchronized void putInt(long offset, int value) {
        INT.set(bytes, at(offset, 4), value);
    }

    @Override
    public synchronized void putByte(long offset, byte value) {
        bytes[at(offset, 1)] = value;
    }

    @Override
    public synchronized void putData(long offset, byte[] src, int srcPos, int srcSize) {
        System.arraycopy(src, srcPos, bytes, at(offset, srcSize), srcSize);
    }

    @Override
    public synchronized void putData(long offset, ByteBuffer buf) {
        int size = buf.remaining();
        buf.get(bytes, at(offset, size), size);
    }

    @Override
    public synchronized long getLong(long offset) {
        return (long) LONG.get(bytes, (int) offset);
    }

    @Override
    public synchronized int getInt(long offset) {
        return (int) INT.get(bytes, (int) offset);
    }

    @Override
    public synchronized byte getByte(long offset) {
        return bytes[(int) offset];
    }

    @Override
    public synchronized DataInput2 getDataInput(long offset, int size) {
        return new DataInput2.ByteArray(Arrays.copyOfRange(bytes, (int) offset, (int) offset + size));
    }

    @Override
    public synchronized void getData(long offset, byte[] dst, int dstPos, int size) {
        System.arraycopy(bytes, (int) offset, dst, dstPos, size);
    }

    @Override
    public synchronized void clear(long startOffset, long endOffset) {
        Arrays.fill(bytes, at(startOffset, (int) (endOffset - startOffset)), (int) endOffset, (byte) 0);
    }

    @Override
    public synchronized void close() {
        closed.set(true);
        bytes = new byte[0];
        length = 0;
    }

    @Override
    public void sync() {
        // nothing to make durable: see the class comment
    }

    @Override
    public int sliceSize() {
        return -1;
    }

    @Override
    public boolean isSliced() {
        return false;
    }

    @Override
    public synchronized long length() {
        return length;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public File getFile() {
        return null;
    }

    @Override
    public boolean getFileLocked() {
        return false;
    }
}
