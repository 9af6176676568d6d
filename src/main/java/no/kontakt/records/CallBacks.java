package no.kontakt.records;

import java.util.Comparator;
import java.util.NoSuchElementException;
import java.util.Optional;
import no.kontakt.inbox.Staff;
import no.kontakt.store.ContactRequest;
import no.kontakt.store.Conversation;
import no.kontakt.store.ConversationStore;
import no.kontakt.store.ContactRequestStore;

/**
 * The number to call a citizen back on, shown to staff only when they ask for it, and each time audited: an SMS
 * conversation's own number, or the number a web-chat citizen gave in their latest contact request.
 */
public final class CallBacks {
    private final ConversationStore conversationStore;
    private final ContactRequestStore contactRequestStore;
    private final AccessLog log;
    private final String country;

    public CallBacks(ConversationStore conversationStore, ContactRequestStore contactRequestStore, AccessLog log, String country) {
        this.conversationStore = conversationStore;
        this.contactRequestStore = contactRequestStore;
        this.log = log;
        this.country = country;
    }

    /** The number as E.164, audited as {@code reveal_number}; empty when the citizen left none. */
    public Optional<String> reveal(String conversationId, Staff staff) {
        Conversation c = conversationStore.find(conversationId)
                .orElseThrow(() -> new NoSuchElementException("There is no conversation " + conversationId + "."));
        Optional<String> number = number(c);
        log.record(staff, "reveal_number", conversationId, number.isPresent() ? "" : "no number");
        return number;
    }

    /** The number of a conversation, without audit (for exports that audit themselves). */
    public Optional<String> number(Conversation c) {
        if ("sms".equals(c.channel())) {
            Optional<String> own = PhoneNumbers.e164(c.address(), country);
            if (own.isPresent()) {
                return own;
            }
        }
        return contactRequestStore.ofConversation(c.id()).stream()
                .filter(r -> r.phone() != null)
                .max(Comparator.comparing(ContactRequest::createdAt))
                .flatMap(r -> PhoneNumbers.e164(r.phone(), country));
    }
}
