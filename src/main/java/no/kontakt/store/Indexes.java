package no.kontakt.store;

import java.time.Instant;

/**
 * The store's index tables, kept in the same batch as what they index: the queue (conversations a person must see,
 * by id) and its urgent part, the open contact requests (copies, by request id), and the closed conversations by their last message
 * (for retention; an entry may be stale, and whoever reads it checks the conversation). Stores written before the
 * indexes existed get them built once, at start-up.
 */
public final class Indexes {
    public static final String QUEUE = "queue";
    /** The urgent ones of the queue, by id: what the urgent filter and gauge read, without opening a value. */
    public static final String URGENT = "urgent";
    public static final String OPEN_REQUESTS = "open_requests";
    public static final String CLOSED = "closed_conversations";
    public static final String META = "meta";
    /** The key in {@link #META} whose presence says the indexes are complete; its value is {@link #VERSION}. */
    public static final String BUILT = "indexes";
    public static final String VERSION = "1";

    private Indexes() {}

    /** The key of a closed conversation in {@link #CLOSED}: its last message's time, then its id. */
    public static String closedKey(Instant lastMessageAt, String conversationId) {
        return padded(lastMessageAt.toEpochMilli(), 15) + "|" + conversationId;
    }

    /** {@code value} as {@code String.format("%0<width>d")} writes it, without the formatter (keys are made for every message). */
    static String padded(long value, int width) {
        if (value < 0) {
            return String.format("%0" + width + "d", value);
        }
        String digits = Long.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** A closed conversation as {@link #CLOSED} lists it. */
    public record Closed(String conversationId, Instant lastMessageAt) {}

    static Closed parse(String key) {
        int bar = key.indexOf('|');
        return new Closed(key.substring(bar + 1), Instant.ofEpochMilli(Long.parseLong(key.substring(0, bar))));
    }

    /** Index writes per commit while building: one transaction for a large store would hold all of them in memory. */
    private static final int BUILD_COMMIT_EVERY = 10_000;

    /**
     * Builds every index from the conversations and contact requests, once, for a store that has none yet; commits
     * as it goes, and marks the indexes complete in the last commit (a build cut short starts again, writing the
     * same keys).
     */
    static long buildIfMissing(Storage storage, ValueCodec codec) {
        var meta = storage.table(META);
        if (meta.containsKey(BUILT)) {
            return -1;
        }
        var queue = storage.table(QUEUE);
        var urgent = storage.table(URGENT);
        var closed = storage.table(CLOSED);
        var open = storage.table(OPEN_REQUESTS);
        long n = 0;
        for (byte[] value : storage.table("conversations").values()) {
            Conversation c = codec.decode(value, Conversation.class);
            if (QueueEntry.belongs(c)) {
                queue.put(c.id(), codec.encode(QueueEntry.of(c)));
                if (c.urgent()) {
                    urgent.put(c.id(), codec.encode(c.id()));
                }
            }
            if (Conversation.CLOSED.equals(c.status())) {
                closed.put(closedKey(c.lastMessageAt(), c.id()), codec.encode(c.id()));
            }
            if (++n % BUILD_COMMIT_EVERY == 0) {
                storage.commit();
            }
        }
        for (byte[] value : storage.table("contact_requests").values()) {
            ContactRequest r = codec.decode(value, ContactRequest.class);
            if (ContactRequest.OPEN.equals(r.status())) {
                open.put(r.id(), value);
            }
        }
        meta.put(BUILT, codec.encode(VERSION));
        storage.commit();
        return n;
    }
}
