package no.kontakt.channel;

import java.util.Objects;

/** A message to send outside a webhook reply: {@code messageId} is ours, used in the status callback URL. */
public record OutboundMessage(String messageId, String to, String body) {
    public OutboundMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(body, "body");
    }
}
