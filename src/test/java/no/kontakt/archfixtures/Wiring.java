package no.kontakt.archfixtures;

import no.kontakt.archfixtures.store.mapdb.MapDbTable;
import no.kontakt.archfixtures.web.Handler;

/** A composition root: it may know MapDB and every layer (allowed); the web handler's use of it makes a cycle. */
public final class Wiring {
    public static String name() {
        return "wiring";
    }

    MapDbTable table;
    Handler handler;
}
