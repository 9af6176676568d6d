package no.kontakt.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One citizen on one channel address. {@code id} is a pseudonym of channel and address; {@code address} is
 * kept only to send to; {@code session} is the engine's state as JSON; {@code status} says who has it
 * ({@code bot}, {@code waiting} for a person, {@code taken_over} by staff, {@code closed}); {@code urgent}
 * is set by the safety net and never cleared by the bot.
 */
public record Conversation(
        String id,
        String channel,
        String address,
        String language,
        Instant createdAt,
        Instant lastMessageAt,
        long messageCount,
        String status,
        boolean urgent,
        Instant waitingSince,
        JsonNode session) {

    public static final String BOT = "bot";
    public static final String WAITING = "waiting";

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(createdAt, "createdAt");
        status = status == null ? BOT : status;
    }

    public static Conversation start(String id, String channel, String address, String language, Instant now) {
        return new Conversation(id, channel, address, language, now, now, 0, BOT, false, null, null);
    }

    /** The id the next message of this conversation gets; ids sort in arrival order. */
    public String nextMessageId() {
        return Message.idOf(id, messageCount + 1);
    }

    public Conversation withMessage(Instant at) {
        return new Conversation(id, channel, address, language, createdAt, at, messageCount + 1, status, urgent, waitingSince, session);
    }

    public Conversation withSession(JsonNode newSession) {
        return new Conversation(id, channel, address, language, createdAt, lastMessageAt, messageCount, status, urgent, waitingSince, newSession);
    }

    public Conversation withLanguage(String newLanguage) {
        return new Conversation(id, channel, address, newLanguage, createdAt, lastMessageAt, messageCount, status, urgent, waitingSince, session);
    }

    /** Marked urgent: it goes to the top of the staff queue and waits for a person. */
    public Conversation markedUrgent(Instant now) {
        return new Conversation(id, channel, address, language, createdAt, lastMessageAt, messageCount,
                BOT.equals(status) ? WAITING : status, true, waitingSince == null ? now : waitingSince, session);
    }

    /** Waiting for a person (a handoff or a contact request). */
    public Conversation waitingForPerson(Instant now) {
        return new Conversation(id, channel, address, language, createdAt, lastMessageAt, messageCount,
                BOT.equals(status) ? WAITING : status, urgent, waitingSince == null ? now : waitingSince, session);
    }
}
