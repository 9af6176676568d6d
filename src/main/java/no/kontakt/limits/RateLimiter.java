package no.kontakt.limits;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} hits per key (a client address, a conversation) in any window of the given length. Every
 * hit counts, the refused ones too, so a client that keeps hammering stays refused until it pauses. The window is
 * kept as 12 slots of counts: a key costs a few dozen bytes whatever the limit, and a hit is forgotten one slot
 * (a twelfth of the window) late at most. A limit of 0 allows everything and keeps nothing.
 */
public final class RateLimiter {
    private static final int SLOTS = 12;
    private static final int MAX_KEYS = 200_000;

    private final int limit;
    private final long slotMillis;
    private final Clock clock;
    private final Map<String, Counts> keys = new ConcurrentHashMap<>();
    private volatile long prunedAt;

    /** What one hit met: allowed or not, whether it is the first refused one in a row, and when to try again. */
    public record Decision(boolean allowed, boolean firstRefused, Duration retryAfter) {
        private static final Decision ALLOWED = new Decision(true, false, Duration.ZERO);

        /** Whole seconds to wait, at least 1: the value of a {@code Retry-After} header. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private static final class Counts {
        final int[] counts = new int[SLOTS];
        long lastSlot;
        boolean refusing;
    }

    public RateLimiter(int limit, Duration window, Clock clock) {
        if (limit < 0 || window.toMillis() < SLOTS) {
            throw new IllegalArgumentException("limit must be 0 or more and the window at least " + SLOTS + " ms (was " + limit + ", " + window + ")");
        }
        this.limit = limit;
        this.slotMillis = window.toMillis() / SLOTS;
        this.clock = clock;
    }

    /** Counts a hit for the key and says whether it is within the limit. */
    public Decision hit(String key) {
        if (limit == 0) {
            return Decision.ALLOWED;
        }
        long now = clock.millis();
        long slot = now / slotMillis;
        prune(slot);
        Counts c = keys.computeIfAbsent(key, k -> {
            Counts fresh = new Counts();
            fresh.lastSlot = slot;
            return fresh;
        });
        synchronized (c) {
            advance(c, slot);
            c.counts[(int) (slot % SLOTS)]++;
            int total = 0;
            for (int n : c.counts) {
                total += n;
            }
            if (total <= limit) {
                c.refusing = false;
                return Decision.ALLOWED;
            }
            boolean first = !c.refusing;
            c.refusing = true;
            return new Decision(false, first, Duration.ofMillis(retryAfter(c, slot, total, now)));
        }
    }

    /** Keys counted now (for tests and metrics). */
    public int keys() {
        return keys.size();
    }

    /** When enough of the oldest slots have aged out that one more hit would be allowed. */
    private long retryAfter(Counts c, long slot, int total, long now) {
        int remaining = total;
        for (long s = slot - SLOTS + 1; s <= slot; s++) {
            remaining -= c.counts[(int) (Math.floorMod(s, SLOTS))];
            if (remaining <= limit - 1) {
                return Math.max(0, (s + SLOTS) * slotMillis - now);
            }
        }
        return SLOTS * slotMillis;
    }

    private static void advance(Counts c, long slot) {
        if (slot - c.lastSlot >= SLOTS) {
            java.util.Arrays.fill(c.counts, 0);
        } else {
            for (long s = c.lastSlot + 1; s <= slot; s++) {
                c.counts[(int) (s % SLOTS)] = 0;
            }
        }
        c.lastSlot = Math.max(c.lastSlot, slot);
    }

    /** Forgets keys whose whole window has passed: once a window, or at once when there are too many. */
    private void prune(long slot) {
        long now = slot * slotMillis;
        if (now - prunedAt < SLOTS * slotMillis && keys.size() < MAX_KEYS) {
            return;
        }
        prunedAt = now;
        keys.values().removeIf(c -> {
            synchronized (c) {
                return slot - c.lastSlot >= SLOTS;
            }
        });
    }
}
