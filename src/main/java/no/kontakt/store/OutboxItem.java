package no.kontakt.store;

import java.time.Instant;

/**
 * A message decided by a committed step and not yet handed to its channel. {@code SENDING} is written before
 * the provider is called: an item found in that state after a crash may have gone out, so it is never sent again.
 */
public record OutboxItem(String id, String conversationId, String messageId, String channel, String to, String body,
                         int attempts, Instant nextAttemptAt, State state, Instant createdAt) {
    public enum State { PENDING, SENDING }

    public OutboxItem sending() {
        return new OutboxItem(id, conversationId, messageId, channel, to, body, attempts + 1, nextAttemptAt, State.SENDING, createdAt);
    }

    public OutboxItem retryAt(Instant at) {
        return new OutboxItem(id, conversationId, messageId, channel, to, body, attempts, at, State.PENDING, createdAt);
    }
}
