package no.kontakt.store;

import java.util.Optional;

/** Delivery statuses of outbound messages; a report never rolls a status back. */
public interface DeliveryStore {
    void report(Batch batch, Delivery delivery);

    Optional<Delivery> find(String messageId);

    /** Stages the removal of every delivery record of the conversation's messages (erasure). */
    void removeOfConversation(Batch batch, String conversationId);
}
