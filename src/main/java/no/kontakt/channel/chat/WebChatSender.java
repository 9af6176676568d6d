package no.kontakt.channel.chat;

import no.kontakt.channel.OutboundMessage;
import no.kontakt.channel.Sender;

/**
 * Sends to web chat conversations: what the outbox hands over (staff replies, reminders, appointment and feedback
 * texts) is already in the store, committed with the outbox item, so sending is telling the conversation's
 * browsers to catch up. With no browser connected the message waits in the store for the next connect (its status
 * stays {@code queued}); it is {@code sent} when written to a browser's connection and {@code delivered} when the
 * page confirms it.
 */
public final class WebChatSender implements Sender {
    private final ChatHub hub;

    public WebChatSender(ChatHub hub) {
        this.hub = hub;
    }

    @Override
    public String send(OutboundMessage message) throws SendException {
        int slash = message.messageId().indexOf('/');
        if (slash <= 0) {
            throw new SendException("a web chat message id names its conversation (was " + message.messageId() + ")", false, null);
        }
        hub.changedEverywhere(message.messageId().substring(0, slash)); // its browsers may be on another instance
        return "WEB" + ChatConnection.sequence(message.messageId());
    }
}
