package no.kontakt.store;

import java.time.Instant;
import java.util.List;

/** What staff see happened in a conversation (risk flags, actions, hand-overs…), in order; never the text. */
public interface EventLog {
    void event(Batch batch, ConversationEvent event);

    /** A conversation's events, in the order of their ids ({@link #eventId}). */
    List<ConversationEvent> events(String conversationId);

    void removeEvents(Batch batch, String conversationId);

    /** The id of the {@code n}th event of a conversation at {@code at}: ids sort by time, then {@code n}. */
    static String eventId(String conversationId, Instant at, int n) {
        // n padded, so the 11th event of one millisecond sorts after the 2nd (an index of up to 65535 is used)
        // zero-padded by hand: String.format showed in the profile of the webhook (it runs for every event)
        return conversationId + "/" + Indexes.padded(at.toEpochMilli(), 15) + "/" + Indexes.padded(n, 5);
    }
}
