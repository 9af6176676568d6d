package no.kontakt.conversation;

import java.util.List;

/** The answer to one inbound message: texts to send back and the ids of the stored outbound messages. */
public record Reply(List<String> texts, List<String> messageIds, boolean duplicate) {
    public Reply {
        texts = List.copyOf(texts);
        messageIds = List.copyOf(messageIds);
    }
}
