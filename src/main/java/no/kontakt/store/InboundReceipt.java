package no.kontakt.store;

import java.time.Instant;
import java.util.List;

/**
 * What was done with one inbound provider message id: the message it became and the replies given, so a
 * repeated delivery of the same {@code MessageSid} gets the same answer and stores nothing new.
 */
public record InboundReceipt(String messageSid, String conversationId, String messageId, List<String> replies,
        List<String> replyIds, Instant at) {
    public InboundReceipt {
        replies = List.copyOf(replies);
        replyIds = List.copyOf(replyIds);
    }
}
