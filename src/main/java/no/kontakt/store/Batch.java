package no.kontakt.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A unit of work: the writes of one step (a message received and answered, a status recorded…), applied together and made
 * durable by one commit shared with other batches. Updates run on the committer thread, one at a time, so a
 * read-modify-write such as "never roll a delivery status back" needs no lock. Services fill a batch only through the
 * role stores' methods; the raw table writes below are the store package's own.
 */
public final class Batch {
    private final List<Op> ops = new ArrayList<>();

    private record Op(String table, String key, byte[] value, UnaryOperator<byte[]> update, boolean insert) {}

    Batch put(String table, String key, byte[] value) {
        ops.add(new Op(table, key, value.clone(), null, false));
        return this;
    }

    Batch remove(String table, String key) {
        ops.add(new Op(table, key, null, null, false));
        return this;
    }

    /**
     * Writes a key that must not exist yet: when it does (in the storage, or written by a batch before this one) the whole
     * batch is refused with {@link DuplicateKeyException}. On a shared database a unique key decides, in the commit's
     * transaction, so of two instances inserting the same key at once exactly one batch is committed.
     */
    Batch insert(String table, String key, byte[] value) {
        ops.add(new Op(table, key, value.clone(), null, true));
        return this;
    }

    /**
     * Replaces the value with {@code update(current)} (current is null when absent; a null result removes). The current
     * value is read for update: another instance changing the same key waits for this commit.
     */
    Batch update(String table, String key, UnaryOperator<byte[]> update) {
        ops.add(new Op(table, key, null, update, false));
        return this;
    }

    public boolean isEmpty() {
        return ops.isEmpty();
    }

    public int size() {
        return ops.size();
    }

    /**
     * Stages the writes into {@code group}, where reads see the storage with the group's earlier writes on top.
     * All or nothing: when an update throws, nothing of this batch is staged.
     */
    void stageInto(GroupWrites group) {
        GroupWrites.Changes mine = group.changes();
        for (Op op : ops) {
            if (op.insert()) {
                if (group.read(mine, op.table(), op.key()) != null) {
                    throw new DuplicateKeyException(op.table(), op.key(), null);
                }
                mine.insert(op.table(), op.key(), op.value());
                continue;
            }
            byte[] value = op.update() == null ? op.value() : op.update().apply(group.readForUpdate(mine, op.table(), op.key()));
            mine.put(op.table(), op.key(), value);
        }
        group.merge(mine);
    }
}
