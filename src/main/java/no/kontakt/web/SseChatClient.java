package no.kontakt.web;

import io.javalin.http.sse.SseClient;
import no.kontakt.channel.chat.ChatHub;

/** The web chat hub's view of one server-sent events connection: each write reports whether the browser is still there. */
record SseChatClient(SseClient sse) implements ChatHub.Client {
    @Override
    public boolean send(String event, String id, String json) {
        if (sse.terminated()) {
            return false;
        }
        sse.sendEvent(event, json, id);
        return !sse.terminated();
    }

    @Override
    public boolean comment(String text) {
        if (sse.terminated()) {
            return false;
        }
        sse.sendComment(text);
        return !sse.terminated();
    }

    @Override
    public void close() {
        sse.close();
    }
}
