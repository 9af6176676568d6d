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
        String assignedTo,
        JsonNode session) {

    public static final String BOT = "bot";
    public static final String WAITING = "waiting";
    public static final String TAKEN_OVER = "taken_over";
    public static final String CLOSED = "closed";

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(createdAt, "createdAt");
        status = status == null ? BOT : status;
    }

    public static Conversation start(String id, String channel, String address, String language, Instant now) {
        return new Conversation(id, channel, address, language, now, now, 0, BOT, false, null, null, null);
    }

    /** The id the next message of this conversation gets; ids sort in arrival order. */
    public String nextMessageId() {
        return Message.idOf(id, messageCount + 1);
    }

    public Conversation withMessage(Instant at) {
        return new Conversation(id, channel, address, language, createdAt, at, messageCount + 1, status, urgent, waitingSince, assignedTo, session);
    }

    public Conversation withSession(JsonNode newSession) {
        return new Conversation(id, channel, address, language, createdAt, lastMessageAt, messageCount, status, urgent, waitingSince, assignedTo, newSession);
    }

    public Conversation withLanguage(String newLanguage) {
        return new Conversation(id, channel, address, newLanguage, createdAt, lastMessageAt, messageCount, status, urgent, waitingSince, assignedTo, session);
    }

    /** Marked urgent: it goes to the top of the staff queue and waits for a person. */
    public Conversation markedUrgent(Instant now) {
        return new Conversation(id, channel, address, language, createdAt, lastMessageAt, messageCount,
                BOT.equals(status) || CLOSED.equals(status) ? WAITING : status, true, waitingSince == null ? now : waitingSince, assignedTo, session);
    }

    /** Waiting for a person (a handoff or a contact request). */
    public Conversation waitingForPerson(Instant now) {
        return new Conversation(id, channel, address, language, createdAt, lastMessageAt, messageCount,
                BOT.equals(status) || CLOSED.equals(status) ? WAITING : status, urgent, waitingSince == null ? now : waitingSince, assignedTo, session);
    }

    /** A staff member has it: the bot goes quiet, except for the safety net and the global words. */
    public Conversation takenOverBy(String username, Instant now) {
        return new Conversation(id, channel, address, language, createdAt, lastMessageAt, messageCount, TAKEN_OVER, urgent,
                waitingSince == null ? now : waitingSince, username, session);
    }

    /** Back to the bot. */
    public Conversation handedBack() {
        return new Conversation(id, channel, address, language, createdAt, lastMessageAt, messageCount, BOT, urgent, null, null, session);
    }

    /** Closed by staff, with the urgency dealt with. */
    public Conversation closed() {
        return new Conversation(id, channel, address, language, createdAt, lastMessageAt, messageCount, CLOSED, false, null, null, session);
    }

    /** Reopened: waiting for a person again. */
    public Conversation reopened(Instant now) {
        return new Conversation(id, channel, address, language, createdAt, lastMessageAt, messageCount, WAITING, urgent, now, assignedTo, session);
    }

    /** A citizen writing after the conversation was closed starts a new episode with the bot. */
    public Conversation episodeAfterClose() {
        return CLOSED.equals(status)
                ? new Conversation(id, channel, address, language, createdAt, lastMessageAt, messageCount, BOT, false, null, null, session)
                : this;
    }
}
