package no.kontakt.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Failed logins, counted where every instance sees them: by key (an account, an address, or the pair), each with its
 * number of failures, the last one, and until when attempts must wait. Keys are hashed before they are kept.
 */
public interface LoginCounts {
    /** One key's count; {@link #NONE} when it has none. */
    record Count(int failures, Instant last, Instant notBefore) {
        public static final Count NONE = new Count(0, Instant.EPOCH, Instant.EPOCH);
    }

    /**
     * Runs {@code change} on the counts of {@code keys} (a key without a count is absent), with no other instance
     * changing them meanwhile, and keeps what the map holds afterwards (a key removed, or left at {@link Count#NONE}, is
     * forgotten). Returns what {@code change} returned.
     */
    <T> T update(List<String> keys, Function<Map<String, Count>, T> change);

    /** Forgets counts whose last failure is before {@code before} and that hold nobody back any more. */
    void prune(Instant before);
}
