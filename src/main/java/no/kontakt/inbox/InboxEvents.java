package no.kontakt.inbox;

import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Live updates for the inbox: a new message, a new urgent conversation, a change. Each event carries only
 * its type and the conversation's pseudonymous id; staff fetch the rest through the API.
 */
public final class InboxEvents {
    private final CopyOnWriteArrayList<Consumer<Map<String, String>>> subscribers = new CopyOnWriteArrayList<>();

    public Runnable subscribe(Consumer<Map<String, String>> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public void publish(String type, String conversationId) {
        Map<String, String> event = Map.of("type", type, "conversation", conversationId);
        for (Consumer<Map<String, String>> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                subscribers.remove(s);
            }
        }
    }

    public int subscribers() {
        return subscribers.size();
    }
}
