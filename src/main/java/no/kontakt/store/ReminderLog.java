package no.kontakt.store;

import java.time.Instant;
import java.util.List;

/** The day-before reminders already queued, one per conversation and session, so each goes out exactly once. */
public interface ReminderLog {
    /** A reminder queued for one session ({@code offerId/2026-11-24T18:00}) of one conversation. */
    record Sent(String conversationId, String sessionKey, Instant sessionStart, Instant sentAt) {
        public String key() {
            return conversationId + "|" + sessionKey;
        }
    }

    boolean contains(String conversationId, String sessionKey);

    void record(Batch batch, Sent sent);

    List<Sent> ofConversation(String conversationId);

    /** Every record, for pruning those of past sessions. */
    List<Sent> all();

    void remove(Batch batch, Sent sent);
}
