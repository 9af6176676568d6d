package no.kontakt.store;

import java.util.List;
import java.util.Optional;

/** The messages of every conversation, in arrival order. */
public interface MessageStore {
    void append(Batch batch, Message message);

    Optional<Message> find(String id);

    List<Message> ofConversation(String conversationId);

    void remove(Batch batch, String id);

    long count();
}
