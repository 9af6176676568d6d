package no.kontakt.inbox;

import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates for the inbox: a new message, a new urgent conversation, a change. Each event carries only
 * its type and the conversation's pseudonymous id; staff fetch the rest through the API. Subscribers (the inbox's
 * streams, the web chat's hub) are told on one thread of its own, in the order the events were published: publishing
 * only queues, so a webhook or an API call never waits for a slow or stuck browser before it answers.
 */
public final class InboxEvents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboxEvents.class);
    private final CopyOnWriteArrayList<Consumer<Map<String, String>>> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "inbox-events");
        t.setDaemon(true);
        return t;
    });

    public Runnable subscribe(Consumer<Map<String, String>> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Queues the event for the subscribers and returns at once. */
    public void publish(String type, String conversationId) {
        Map<String, String> event = Map.of("type", type, "conversation", conversationId);
        try {
            fanOut.execute(() -> tell(event));
        } catch (RejectedExecutionException e) {
            log.debug("inbox event after close dropped type={}", type);
        }
    }

    private void tell(Map<String, String> event) {
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

    /** Stops telling; events still queued are dropped (the store has them). */
    @Override
    public void close() {
        fanOut.shutdownNow();
    }
}
