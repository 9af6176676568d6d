package no.kontakt.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A message in a conversation, in or out. {@code providerSid} is Twilio's MessageSid where there is one;
 * {@code author} is {@code citizen}, {@code bot} or {@code staff:NAME}.
 */
public record Message(
        String id,
        String conversationId,
        Direction direction,
        String author,
        String body,
        Instant at,
        String providerSid) {

    public enum Direction { IN, OUT }

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
    }

    static String idOf(String conversationId, long sequence) {
        String digits = Long.toString(sequence); // zero-padded to 10 by hand: String.format showed in the bench's profile
        return conversationId + "/" + "0".repeat(Math.max(0, 10 - digits.length())) + digits;
    }

    /**
     * The id of a notice the bot sends outside a turn (a reminder, a seat from the waiting list): it sorts after
     * the conversation's latest message and never takes a sequence number a turn may be about to use.
     * {@code tag} is unique per notice, letters, digits, '.' and '-' only.
     */
    public static String noticeIdOf(Conversation conversation, String tag) {
        if (!tag.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("a notice tag is letters, digits, '.' and '-' (was " + tag + ")");
        }
        return idOf(conversation.id(), conversation.messageCount()) + "~" + tag;
    }
}
