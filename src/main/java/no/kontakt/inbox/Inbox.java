package no.kontakt.inbox;

import java.util.Comparator;
import java.util.List;
import no.kontakt.store.ContactRequest;
import no.kontakt.store.Stores;

/** What staff see: the open contact requests, urgent first, then oldest first. */
public final class Inbox {
    private final Stores stores;

    public Inbox(Stores stores) {
        this.stores = stores;
    }

    public List<ContactRequest> openRequests() {
        return stores.contactRequests().open().stream()
                .sorted(Comparator.comparing((ContactRequest r) -> !r.urgent()).thenComparing(ContactRequest::createdAt))
                .toList();
    }
}
