package no.kontakt.archfixtures.store.mapdb;

/** The MapDB backend: it may use MapDB (allowed). */
public final class MapDbTable {
    org.mapdb.DB db;
}
