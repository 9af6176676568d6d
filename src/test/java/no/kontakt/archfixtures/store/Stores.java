package no.kontakt.archfixtures.store;

/** The store's machinery. */
public final class Stores {
    public MessageStore messages() {
        return null;
    }

    public void commit(Batch batch) {}
}
