package no.kontakt.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The one way a message to a citizen or to staff is sent: staged in the caller's batch, so it goes out only once that
 * batch is committed (the outbox dispatcher hands it to its channel; a crash loses nothing and sends nothing twice).
 */
public final class Outgoing {
    private Outgoing() {}

    /**
     * Stages {@code text} to the conversation's channel address: the message in its history (written by {@code author},
     * {@code "bot"} or a staff member) and its outbox item, due at {@code sendAt} (later than {@code now} to wait out
     * quiet hours). The caller saves the conversation ({@link Conversation#withMessage}) as its step requires.
     */
    public static Message toConversation(Batch batch, MessageStore messages, OutboxStore outbox, Conversation c, String id,
                                         String author, String text, Instant now, Instant sendAt) {
        Objects.requireNonNull(c, "c");
        Message message = new Message(id, c.id(), Message.Direction.OUT, author, text, now, null);
        messages.append(batch, message);
        outbox.put(batch, new OutboxItem(id, c.id(), id, c.channel(), c.address(), text, 0, sendAt, OutboxItem.State.PENDING, now));
        return message;
    }

    /** Stages an SMS to a phone that has no conversation (an alert to the on-call team), due now. */
    public static void toPhone(Batch batch, OutboxStore outbox, String id, String phone, String text, Instant now) {
        outbox.put(batch, new OutboxItem(id, null, id, "sms", phone, text, 0, now, OutboxItem.State.PENDING, now));
    }
}
