package no.kontakt.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * A message from a citizen as a channel adapter parsed it. {@code messageId} is the provider's id (Twilio's
 * {@code MessageSid}), unique per message and repeated only when the provider retries.
 */
public record InboundMessage(String channel, String messageId, String from, String to, String body, int mediaCount, Instant receivedAt) {
    public InboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        body = body == null ? "" : body;
    }
}
