package no.kontakt.channel.chat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.kontakt.store.Batch;
import no.kontakt.store.Delivery;
import no.kontakt.store.Message;
import no.kontakt.store.ConversationStore;
import no.kontakt.store.MessageStore;
import no.kontakt.store.DeliveryStore;
import no.kontakt.store.LocalSignals;
import no.kontakt.store.Signals;
import no.kontakt.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The browsers connected to web chat conversations. Nothing is kept here that the store does not hold: on every
 * change a connection catches up from the store (the conversation's messages it has not sent yet, and its status),
 * so a reply committed while nobody was connected reaches the browser at its next connect, even after a restart.
 * Pushing runs on the hub's own threads, never on the caller's; a comment every 20 s keeps idle connections open
 * (and finds the ones a browser has left). A message out is {@code sent} when written to a connection and
 * {@code delivered} when the page confirms it has it ({@link #received}).
 *
 * <p>Behind several instances a browser's stream is on one of them: {@link #changedEverywhere} and {@link #typing} travel
 * as {@link Signals} on the channel {@value #CHANNEL}, naming only the conversation, so its browsers hear on whichever
 * instance they are connected to.
 */
public final class ChatHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatHub.class);
    static final String CHANNEL = "chat";
    /** Connections one conversation may have (tabs); a newer one closes the oldest. */
    static final int MAX_PER_CONVERSATION = 4;
    /** Connections in all by default; beyond it a new one is refused. */
    static final int MAX_CLIENTS = 2000;
    private volatile int maxClients = MAX_CLIENTS;
    private volatile int perAddress;
    private final Map<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();
    private final Map<ChatConnection, String> addresses = new ConcurrentHashMap<>();

    private final ConversationStore conversationStore;
    private final MessageStore messageStore;
    private final DeliveryStore deliveryStore;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Signals signals;
    private final Map<String, List<ChatConnection>> live = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pumps = Executors.newFixedThreadPool(2, daemon("chat-push"));
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("chat-heartbeat"));

    /** One browser's live connection (server-sent events). Each method returns false once the connection is gone. */
    public interface Client {
        boolean send(String event, String id, String json);

        boolean comment(String text);

        void close();
    }

    public ChatHub(ConversationStore conversationStore, MessageStore messageStore, DeliveryStore deliveryStore, UnitOfWork unitOfWork, Clock clock) {
        this(conversationStore, messageStore, deliveryStore, unitOfWork, clock, new LocalSignals());
    }

    /** A hub whose browsers also hear changes and typing told on the other instances that share {@code signals}. */
    public ChatHub(ConversationStore conversationStore, MessageStore messageStore, DeliveryStore deliveryStore, UnitOfWork unitOfWork, Clock clock,
                   Signals signals) {
        this.signals = signals;
        signals.subscribe(CHANNEL, this::heard);
        this.conversationStore = conversationStore;
        this.messageStore = messageStore;
        this.deliveryStore = deliveryStore;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        heartbeats.scheduleWithFixedDelay(this::heartbeat, 20, 20, TimeUnit.SECONDS);
    }

    /**
     * The caps, checked in this order: a conversation keeps at most {@value #MAX_PER_CONVERSATION} connections (a newer
     * one closes the oldest), one client address at most {@code perAddress} (0: no cap), and all together at most
     * {@code maxClients}, kept for last so that one address cannot fill it.
     */
    public void limit(int maxClients, int perAddress) {
        this.maxClients = maxClients;
        this.perAddress = perAddress;
    }

    /**
     * Takes a place for a browser of {@code address} (null: not capped per address) before its stream is answered, so
     * that the stream's 200 is never sent ahead of its count. Returns why it cannot connect now ("address": this address
     * has its share; "full": all are taken), or null when the place is taken: {@link #connectReserved} then uses it, or
     * {@link #unreserve} gives it back.
     */
    public String reserve(String address) {
        AtomicInteger mine = address == null ? null : byAddress.computeIfAbsent(address, a -> new AtomicInteger());
        if (mine != null && perAddress > 0 && mine.incrementAndGet() > perAddress) {
            release(address, mine);
            return "address";
        } else if (mine != null && perAddress <= 0) {
            mine.incrementAndGet();
        }
        if (count.incrementAndGet() > maxClients) {
            count.decrementAndGet();
            if (mine != null) {
                release(address, mine);
            }
            return "full";
        }
        return null;
    }

    /** Gives back a place {@link #reserve} took, for a stream that never started. */
    public void unreserve(String address) {
        count.decrementAndGet();
        AtomicInteger mine = address == null ? null : byAddress.get(address);
        if (mine != null) {
            release(address, mine);
        }
    }

    /** Connects without an address (not capped per address). */
    public Optional<Runnable> connect(String conversationId, String afterId, Client client) {
        return connect(conversationId, afterId, null, client);
    }

    /**
     * Connects a browser to a conversation; it first gets the status and every message after {@code afterId} (a
     * message's sequence, as in the events' ids; null for all). Returns what disconnects it, or empty when its address
     * has its share of connections or all are taken.
     */
    public Optional<Runnable> connect(String conversationId, String afterId, String address, Client client) {
        return reserve(address) != null ? Optional.empty() : Optional.of(connectReserved(conversationId, afterId, address, client));
    }

    /** Connects a browser whose place {@link #reserve} took; returns what disconnects it. */
    public Runnable connectReserved(String conversationId, String afterId, String address, Client client) {
        ChatConnection connection = new ChatConnection(conversationId, afterId, client, conversationStore, messageStore, deliveryStore, unitOfWork, clock);
        if (address != null) {
            addresses.put(connection, address);
        }
        List<ChatConnection> connections = live.compute(conversationId, (k, list) -> {
            List<ChatConnection> added = list == null ? new CopyOnWriteArrayList<>() : list;
            added.add(connection);
            return added;
        });
        for (int i = 0; connections.size() > MAX_PER_CONVERSATION && i < MAX_PER_CONVERSATION; i++) {
            connections.stream().findFirst().ifPresent(this::disconnect); // the oldest tab gives way
        }
        pumps.execute(() -> pump(connection));
        return () -> disconnect(connection);
    }

    /** Something in the conversation changed (a message, its status): its browsers catch up. Returns how many there are. */
    public int changed(String conversationId) {
        List<ChatConnection> connections = live.getOrDefault(conversationId, List.of());
        for (ChatConnection c : connections) {
            pumps.execute(() -> pump(c));
        }
        return connections.size();
    }

    /** Something in the conversation changed: its browsers on every instance catch up (after the change is committed). */
    public void changedEverywhere(String conversationId) {
        signals.publish(CHANNEL, "changed " + conversationId);
    }

    /**
     * A person is writing a reply: the browsers on every instance show it for a few seconds. Returns how many of this
     * instance's were told.
     */
    public int typing(String conversationId) {
        signals.publish(CHANNEL, "typing " + conversationId);
        return live.getOrDefault(conversationId, List.of()).size();
    }

    private void heard(String payload) {
        if (pumps.isShutdown()) {
            return;
        }
        try {
            if (payload.startsWith("changed ")) {
                changed(payload.substring("changed ".length()));
            } else if (payload.startsWith("typing ")) {
                typingHere(payload.substring("typing ".length()));
            }
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("chat signal after close dropped");
        }
    }

    private void typingHere(String conversationId) {
        List<ChatConnection> connections = live.getOrDefault(conversationId, List.of());
        for (ChatConnection c : connections) {
            pumps.execute(() -> {
                if (!c.typing()) {
                    disconnect(c);
                }
            });
        }
    }

    /**
     * The page has shown every message of the conversation up to {@code sequence}: messages out up to there are
     * {@code delivered}. Returns how many changed.
     */
    public int received(String conversationId, String sequence) {
        Batch batch = new Batch();
        int n = 0;
        for (Message m : messageStore.ofConversation(conversationId)) {
            if (m.direction() == Message.Direction.OUT && ChatConnection.sequence(m.id()).compareTo(sequence) <= 0
                    && deliveryStore.find(m.id()).map(d -> Delivery.rank(d.status()) < Delivery.rank("delivered")).orElse(true)) {
                deliveryStore.report(batch, new Delivery(m.id(), null, "delivered", null, clock.instant()));
                n++;
            }
        }
        if (n > 0) {
            unitOfWork.commit(batch);
        }
        return n;
    }

    /** How many browsers are connected. */
    public int clients() {
        return Math.max(0, count.get());
    }

    private void pump(ChatConnection connection) {
        try {
            if (!connection.catchUp()) {
                disconnect(connection);
            }
        } catch (RuntimeException e) {
            log.error("chat push failed conversation={}", connection.conversationId(), e);
            disconnect(connection);
        }
    }

    private void heartbeat() {
        live.values().forEach(list -> list.forEach(c -> {
            if (!c.comment("keep-alive")) {
                disconnect(c);
            }
        }));
    }

    private void disconnect(ChatConnection connection) {
        if (!connection.close()) {
            return;
        }
        count.decrementAndGet();
        String address = addresses.remove(connection);
        if (address != null) {
            AtomicInteger n = byAddress.get(address);
            if (n != null) {
                release(address, n);
            }
        }
        live.computeIfPresent(connection.conversationId(), (k, list) -> {
            list.remove(connection);
            return list.isEmpty() ? null : list;
        });
    }

    private void release(String address, AtomicInteger n) {
        if (n.decrementAndGet() <= 0) {
            byAddress.remove(address, n);
        }
    }

    /** Open connections from one client address. */
    public int clientsFrom(String address) {
        AtomicInteger n = byAddress.get(address);
        return n == null ? 0 : Math.max(0, n.get());
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        live.values().forEach(list -> list.forEach(this::disconnect));
        pumps.shutdown();
        try {
            pumps.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
