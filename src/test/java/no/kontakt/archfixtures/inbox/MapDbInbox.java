package no.kontakt.archfixtures.inbox;

import no.kontakt.archfixtures.store.mapdb.MapDbTable;

/** A domain service that uses MapDB and the MapDB backend instead of a role interface (two violations). */
public final class MapDbInbox {
    org.mapdb.DB db;
    MapDbTable table;
}
