package no.kontakt.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@link LoginCounts} in this process's memory: for the one instance a MapDB store has. */
public final class MemoryLoginCounts implements LoginCounts {
    private final Map<String, Count> counts = new HashMap<>();

    @Override
    public synchronized <T> T update(List<String> keys, Function<Map<String, Count>, T> change) {
        Map<String, Count> some = new HashMap<>();
        for (String k : keys) {
            Count c = counts.get(k);
            if (c != null) {
                some.put(k, c);
            }
        }
        T result = change.apply(some);
        for (String k : keys) {
            Count c = some.get(k);
            if (c == null || c.equals(Count.NONE)) {
                counts.remove(k);
            } else {
                counts.put(k, c);
            }
        }
        return result;
    }

    @Override
    public synchronized void prune(Instant before) {
        counts.values().removeIf(c -> c.last().isBefore(before) && c.notBefore().isBefore(before));
    }

    /** How many keys have a count. */
    public synchronized int size() {
        return counts.size();
    }
}
