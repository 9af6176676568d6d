package no.kontakt.channel.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import no.kontakt.store.Batch;
import no.kontakt.store.Conversation;
import no.kontakt.store.Delivery;
import no.kontakt.store.Json;
import no.kontakt.store.Message;
import no.kontakt.store.ConversationStore;
import no.kontakt.store.MessageStore;
import no.kontakt.store.DeliveryStore;
import no.kontakt.store.UnitOfWork;

/**
 * One browser on one conversation: sends it, in order, the messages it has not had yet (events {@code message},
 * id = the message's sequence) and the conversation's status when it changes (event {@code status}). A message
 * out written to the connection is marked {@code sent}; {@code delivered} only when the page says it has it (a
 * connection the browser has left can take a write without an error). Every write to the browser is serialised here.
 */
final class ChatConnection {
    private final String conversationId;
    private final String after;
    private final ChatHub.Client client;
    private final ConversationStore conversationStore;
    private final MessageStore messageStore;
    private final DeliveryStore deliveryStore;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Set<String> sent = new HashSet<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private String lastStatus;

    ChatConnection(String conversationId, String after, ChatHub.Client client, ConversationStore conversationStore, MessageStore messageStore, DeliveryStore deliveryStore, UnitOfWork unitOfWork, Clock clock) {
        this.conversationId = conversationId;
        this.after = after;
        this.client = client;
        this.conversationStore = conversationStore;
        this.messageStore = messageStore;
        this.deliveryStore = deliveryStore;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    String conversationId() {
        return conversationId;
    }

    /** Sends what the browser has not had yet; false when the connection is gone. */
    synchronized boolean catchUp() {
        if (closed.get()) {
            return true;
        }
        Optional<Conversation> conversation = conversationStore.find(conversationId);
        if (conversation.isPresent()) {
            String status = json(status(conversation.get()));
            if (!status.equals(lastStatus)) {
                if (!client.send("status", null, status)) {
                    return false;
                }
                lastStatus = status;
            }
        }
        Batch reports = new Batch();
        boolean any = false;
        for (Message m : messageStore.ofConversation(conversationId)) {
            String sequence = sequence(m.id());
            if (after != null && sequence.compareTo(after) <= 0 || sent.contains(sequence)) {
                continue;
            }
            if (!client.send("message", sequence, json(view(m, sequence)))) {
                return false;
            }
            sent.add(sequence);
            if (m.direction() == Message.Direction.OUT
                    && deliveryStore.find(m.id()).map(d -> Delivery.rank(d.status()) < Delivery.rank("sent")).orElse(true)) {
                deliveryStore.report(reports, new Delivery(m.id(), null, "sent", null, clock.instant()));
                any = true;
            }
        }
        if (any) {
            unitOfWork.commit(reports);
        }
        return true;
    }

    synchronized boolean typing() {
        return closed.get() || client.send("typing", null, "{\"from\":\"staff\"}");
    }

    synchronized boolean comment(String text) {
        return closed.get() || client.comment(text);
    }

    /** Closes it; false when it was closed already. */
    boolean close() {
        if (closed.getAndSet(true)) {
            return false;
        }
        try {
            client.close();
        } catch (RuntimeException ignored) {
            // the browser is gone already
        }
        return true;
    }

    /** The part of a message id after its conversation: {@code 0000000007}, or {@code 0000000007~tag} for a notice. */
    static String sequence(String messageId) {
        return messageId.substring(messageId.indexOf('/') + 1);
    }

    /** What a browser may know of a message: never a staff member's name, only that one of the staff wrote it. */
    static Map<String, Object> view(Message m, String sequence) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", sequence);
        view.put("from", from(m));
        view.put("text", m.body());
        view.put("at", m.at().toString());
        return view;
    }

    static String from(Message m) {
        if (m.direction() == Message.Direction.IN) {
            return "citizen";
        }
        return m.author() != null && m.author().startsWith("staff:") ? "staff" : "bot";
    }

    static Map<String, Object> status(Conversation c) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("status", c.status());
        status.put("urgent", c.urgent());
        status.put("language", c.language());
        return status;
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
