package no.kontakt.web;

import io.javalin.security.RouteRole;
import java.util.Locale;

/** The staff roles a route admits. */
public enum Role implements RouteRole {
    STAFF, PEER, ONCALL, ADMIN;

    /** Every role that works in the inbox. */
    public static final Role[] INBOX = {STAFF, PEER, ONCALL, ADMIN};

    /** Whether this role has the permission (the table is in {@link no.kontakt.inbox.Permission}). */
    public boolean may(no.kontakt.inbox.Permission permission) {
        return permission.allows(name());
    }

    public static Role of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
