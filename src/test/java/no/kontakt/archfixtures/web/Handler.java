package no.kontakt.archfixtures.web;

import no.kontakt.archfixtures.Wiring;
import no.kontakt.archfixtures.store.Batch;
import no.kontakt.archfixtures.store.Stores;

/** A web handler that writes through the store itself, and asks the composition root. */
public final class Handler {
    String saveAndName(Stores stores) {
        Batch batch = new Batch();
        stores.commit(batch);
        return stores.messages().find("m1").body() + Wiring.name();
    }
}
