package no.kontakt.store;

import java.time.Instant;

/**
 * A conversation a person must see, as the queue index keeps it: waiting, taken over, or urgent, and not closed.
 * Written in the batch of every save of the conversation, so the staff queue, the escalation and the urgent gauge
 * never read the conversations that need no one.
 */
public record QueueEntry(String conversationId, String status, boolean urgent, Instant waitingSince) {

    /** True when the conversation belongs in the queue index. */
    public static boolean belongs(Conversation c) {
        return !Conversation.CLOSED.equals(c.status())
                && (c.urgent() || Conversation.WAITING.equals(c.status()) || Conversation.TAKEN_OVER.equals(c.status()));
    }

    public static QueueEntry of(Conversation c) {
        return new QueueEntry(c.id(), c.status(), c.urgent(), c.waitingSince());
    }
}
