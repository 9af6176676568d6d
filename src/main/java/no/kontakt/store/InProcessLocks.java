package no.kontakt.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link ClusterLocks} of this process only: one re-entrant lock per key while anyone holds or waits for it, then
 * forgotten. What an embedded store needs (only one process opens its file), and the first half of a database's locks.
 */
public final class InProcessLocks implements ClusterLocks {
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    /** A key's lock and the number of threads holding or waiting for it (the slot is removed at zero). */
    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;
    }

    @Override
    public Held lock(String key) {
        Slot slot = enter(key);
        slot.lock.lock();
        return () -> release(key, slot);
    }

    @Override
    public Optional<Held> tryLock(String key) {
        Slot slot = enter(key);
        if (!slot.lock.tryLock()) {
            leave(key, slot);
            return Optional.empty();
        }
        return Optional.of(() -> release(key, slot));
    }

    /** How many times the calling thread holds the lock of {@code key} (0: not at all). */
    public int holds(String key) {
        Slot slot = slots.get(key);
        return slot == null ? 0 : slot.lock.getHoldCount();
    }

    @Override
    public boolean shared() {
        return false;
    }

    private Slot enter(String key) {
        return slots.compute(key, (k, s) -> {
            Slot slot = s == null ? new Slot() : s;
            slot.users++;
            return slot;
        });
    }

    private void leave(String key, Slot slot) {
        slots.computeIfPresent(key, (k, s) -> --s.users == 0 ? null : s);
    }

    private void release(String key, Slot slot) {
        slot.lock.unlock();
        leave(key, slot);
    }
}
