package no.kontakt.archfixtures.web;

import no.kontakt.archfixtures.store.Message;

/** A web handler that only renders a store record (allowed). */
public final class RecordView {
    String render(Message message) {
        return message.id() + ": " + message.body();
    }
}
