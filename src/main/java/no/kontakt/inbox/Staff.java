package no.kontakt.inbox;

/** The person doing something in the inbox, and the role they do it under. */
public record Staff(String username, String role) {
    public String actor() {
        return "staff:" + username;
    }
}
