package no.kontakt.inbox;

import java.util.Comparator;
import java.util.List;
import no.kontakt.store.ContactRequest;
import no.kontakt.store.ContactRequestStore;

/** What staff see: the open contact requests, urgent first, then oldest first. */
public final class Inbox {
    private final ContactRequestStore contactRequestStore;

    public Inbox(ContactRequestStore contactRequestStore) {
        this.contactRequestStore = contactRequestStore;
    }

    public List<ContactRequest> openRequests() {
        return contactRequestStore.open().stream()
                .sorted(Comparator.comparing((ContactRequest r) -> !r.urgent()).thenComparing(ContactRequest::createdAt))
                .toList();
    }
}
