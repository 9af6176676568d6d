package no.kontakt.inbox;

/** The person doing something in the inbox, and the role they do it under. */
public record Staff(String username, String role) {
    public String actor() {
        return "staff:" + username;
    }

    /** Whether this person's role has the permission (see {@link Permission} for the table). */
    public boolean may(Permission permission) {
        return permission.allows(role);
    }
}
