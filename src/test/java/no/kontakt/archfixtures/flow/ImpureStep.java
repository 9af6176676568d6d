package no.kontakt.archfixtures.flow;

import no.kontakt.archfixtures.store.Stores;

/** An engine class that opens MapDB, holds the store and knows Twilio (three violations). */
public final class ImpureStep {
    org.mapdb.DB db;
    Stores stores;
    com.twilio.Twilio twilio;
}
