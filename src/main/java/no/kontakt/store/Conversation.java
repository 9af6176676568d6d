package no.kontakt.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One citizen on one channel address. {@code id} is a pseudonym of channel and address; {@code address} is
 * kept only to send to; {@code session} is the engine's state as JSON.
 */
public record Conversation(
        String id,
        String channel,
        String address,
        String language,
        Instant createdAt,
        Instant lastMessageAt,
        long messageCount,
        JsonNode session) {

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Conversation start(String id, String channel, String address, String language, Instant now) {
        return new Conversation(id, channel, address, language, now, now, 0, null);
    }

    /** The id the next message of this conversation gets; ids sort in arrival order. */
    public String nextMessageId() {
        return Message.idOf(id, messageCount + 1);
    }

    public Conversation withMessage(Instant at) {
        return new Conversation(id, channel, address, language, createdAt, at, messageCount + 1, session);
    }

    public Conversation withSession(JsonNode newSession) {
        return new Conversation(id, channel, address, language, createdAt, lastMessageAt, messageCount, newSession);
    }

    public Conversation withLanguage(String newLanguage) {
        return new Conversation(id, channel, address, newLanguage, createdAt, lastMessageAt, messageCount, session);
    }
}
