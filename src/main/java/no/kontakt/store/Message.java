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
        return conversationId + "/" + String.format("%010d", sequence);
    }
}
