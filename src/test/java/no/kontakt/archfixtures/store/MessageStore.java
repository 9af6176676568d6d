package no.kontakt.archfixtures.store;

/** A role store interface. */
public interface MessageStore {
    Message find(String id);
}
