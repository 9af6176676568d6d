package no.kontakt.inbox;

import java.time.Instant;
import no.kontakt.store.ContactRequest;

/** Says, in the citizen's language, when they can expect to be contacted about a request. */
public interface ContactPromise {
    String describe(ContactRequest request, Instant now, String language);

    /** True when staff are at work for some of this window (so a call or SMS in it can be promised). */
    default boolean openDuring(java.time.ZonedDateTime from, java.time.ZonedDateTime to) {
        return true;
    }
}
