package no.kontakt.archfixtures.store;

/** A store record: plain data the web may render. */
public record Message(String id, String body) {}
