package no.kontakt.store;

import java.util.List;
import java.util.Optional;

/** Contact requests, found by id or by conversation. */
public interface ContactRequestStore {
    void save(Batch batch, ContactRequest request);

    Optional<ContactRequest> find(String id);

    /** The requests of one conversation, oldest first. */
    List<ContactRequest> ofConversation(String conversationId);

    void remove(Batch batch, String id);

    /** Every request, oldest first (a full scan). */
    List<ContactRequest> all();

    /** The open requests, oldest first, from the open index. */
    List<ContactRequest> open();
}
