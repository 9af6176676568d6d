package no.kontakt.conversation;

import java.util.List;
import no.kontakt.channel.InboundMessage;
import no.kontakt.store.Conversation;

/** Decides what to answer to one inbound message, and the conversation's state after it. Never does I/O. */
public interface Responder {

    Response respond(Conversation conversation, InboundMessage message);

    /** The texts to answer with (possibly none) and the conversation as it stands afterwards. */
    record Response(Conversation conversation, List<String> replies) {
        public Response {
            replies = List.copyOf(replies);
        }
    }
}
