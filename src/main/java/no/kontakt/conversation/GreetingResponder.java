package no.kontakt.conversation;

import java.util.List;
import no.kontakt.channel.InboundMessage;
import no.kontakt.store.Conversation;

/** Answers every message with one fixed greeting: the responder of the walking skeleton. */
public final class GreetingResponder implements Responder {
    private final String greeting;

    public GreetingResponder(String greeting) {
        this.greeting = greeting;
    }

    @Override
    public Response respond(Conversation conversation, InboundMessage message) {
        return new Response(conversation, List.of(greeting));
    }
}
