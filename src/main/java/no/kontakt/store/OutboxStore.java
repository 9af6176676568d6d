package no.kontakt.store;

import java.time.Instant;
import java.util.List;

/** Messages waiting to be sent, oldest first. */
public interface OutboxStore {
    void put(Batch batch, OutboxItem item);

    void remove(Batch batch, String id);

    /** The item as stored now (re-read after claiming it: another instance may have sent it meanwhile). */
    java.util.Optional<OutboxItem> find(String id);

    /** Pending items due at {@code now}, at most {@code max}. */
    List<OutboxItem> due(Instant now, int max);

    /** Items of one conversation, whatever their state (erasure). */
    List<OutboxItem> ofConversation(String conversationId);

    /** Items left in {@code SENDING} (by a crash between marking and finishing a send). */
    List<OutboxItem> sending();

    long count();
}
