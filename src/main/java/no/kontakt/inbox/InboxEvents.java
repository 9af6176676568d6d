package no.kontakt.inbox;

import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import no.kontakt.store.LocalSignals;
import no.kontakt.store.Signals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates for the inbox: a new message, a new urgent conversation, a change. Each event carries only
 * its type and the conversation's pseudonymous id; staff fetch the rest through the API. Subscribers (the inbox's
 * streams, the web chat's hub) are told on one thread of its own, in the order the events were published: publishing
 * only queues, so a webhook or an API call never waits for a slow or stuck browser before it answers.
 *
 * <p>Events travel as {@link Signals} on the channel {@value #CHANNEL} ({@code <type> <conversation id>}): behind several
 * instances on one database, staff connected to any instance hear what was committed on any other, once.
 */
public final class InboxEvents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboxEvents.class);
    static final String CHANNEL = "inbox";
    private final CopyOnWriteArrayList<Consumer<Map<String, String>>> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService fanOut = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "inbox-events");
        t.setDaemon(true);
        return t;
    });
    private final Signals signals;
    private final boolean ownSignals;

    /** Events within this process only. */
    public InboxEvents() {
        this(new LocalSignals(), true);
    }

    /** Events heard by every instance that shares {@code signals} (their owner closes them). */
    public InboxEvents(Signals signals) {
        this(signals, false);
    }

    private InboxEvents(Signals signals, boolean ownSignals) {
        this.signals = signals;
        this.ownSignals = ownSignals;
        signals.subscribe(CHANNEL, this::heard);
    }

    public Runnable subscribe(Consumer<Map<String, String>> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Queues the event for the subscribers of every instance and returns at once; call it after the change is committed. */
    public void publish(String type, String conversationId) {
        signals.publish(CHANNEL, type + " " + conversationId);
    }

    private void heard(String payload) {
        int space = payload.indexOf(' ');
        if (space <= 0) {
            log.warn("inbox event not understood length={}", payload.length());
            return;
        }
        String type = payload.substring(0, space);
        Map<String, String> event = Map.of("type", type, "conversation", payload.substring(space + 1));
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
        if (ownSignals) {
            signals.close();
        }
    }
}
