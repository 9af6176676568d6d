package no.kontakt.store;

import java.time.Instant;
import java.util.List;

/** When each waiting conversation's timer is due: found by time, without reading every conversation. */
public interface TimerIndex {
    void set(Batch batch, String conversationId, Instant previous, Instant dueAt);

    /** Conversation ids whose timers are due at {@code now}, earliest first, at most {@code max}. */
    List<Due> due(Instant now, int max);

    record Due(String conversationId, Instant dueAt) {}
}
