package no.kontakt.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Conversations by id, and the indexes kept with them. */
public interface ConversationStore {
    Optional<Conversation> find(String id);

    void save(Batch batch, Conversation conversation);

    void remove(Batch batch, String id);

    long count();

    /** Every conversation, by id (a full scan: for the queue's {@code closed} and {@code all} filters and for tools). */
    List<Conversation> all();

    /** Every conversation a person must see (waiting, taken over, or urgent, and not closed), from the queue index. */
    List<QueueEntry> queued();

    /** The ids of the urgent conversations not closed (read without opening a value). */
    List<String> urgentIds();

    /** Closed conversations whose last message is before {@code before}, oldest first; an entry may be stale (check it). */
    List<Indexes.Closed> closedBefore(Instant before, int max);

    /** Drops an entry of the closed index (erased, or stale). */
    void forgetClosed(Batch batch, Indexes.Closed entry);
}
