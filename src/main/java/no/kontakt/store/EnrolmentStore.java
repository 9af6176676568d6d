package no.kontakt.store;

import java.util.List;
import java.util.Optional;

/** Enrolments in offers, found by offer (in the order they were decided) or by conversation. */
public interface EnrolmentStore {
    void save(Batch batch, Enrolment enrolment);

    void remove(Batch batch, Enrolment enrolment);

    Optional<Enrolment> find(String offerId, String conversationId);

    /** The enrolments of one offer, in {@code seq} order. */
    List<Enrolment> ofOffer(String offerId);

    /** The enrolments of one conversation, by offer id. */
    List<Enrolment> ofConversation(String conversationId);
}
