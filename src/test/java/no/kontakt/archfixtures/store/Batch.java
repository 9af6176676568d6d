package no.kontakt.archfixtures.store;

/** The store's machinery: a unit of writes. */
public final class Batch {}
