package no.kontakt.store;

import java.util.Optional;

/** Conversations by id. */
public interface ConversationStore {
    Optional<Conversation> find(String id);

    void save(Batch batch, Conversation conversation);

    void remove(Batch batch, String id);

    long count();
}
