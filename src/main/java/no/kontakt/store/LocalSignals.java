package no.kontakt.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Signals} within one process: the one instance a MapDB store (or an in-memory one) has. */
public final class LocalSignals implements Signals {
    private static final Logger log = LoggerFactory.getLogger(LocalSignals.class);
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();

    @Override
    public void publish(String channel, String payload) {
        tell(channel, Signals.check(channel, payload));
    }

    /** Tells this process's subscribers of {@code channel}; one that throws is logged and the others are told. */
    public void tell(String channel, String payload) {
        for (Consumer<String> s : subscribers.getOrDefault(channel, List.of())) {
            try {
                s.accept(payload);
            } catch (RuntimeException e) {
                log.error("signal subscriber failed channel={}", channel, e);
            }
        }
    }

    @Override
    public Runnable subscribe(String channel, Consumer<String> subscriber) {
        Signals.check(channel, "");
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(subscriber);
        return () -> subscribers.getOrDefault(channel, List.of()).remove(subscriber);
    }

    @Override
    public void close() {
        subscribers.clear();
    }
}
