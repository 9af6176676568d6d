package no.kontakt.store;

import java.time.Instant;

/**
 * A staff account: a role ({@code staff}, {@code peer}, {@code oncall}, {@code admin}), a bcrypt hash of the
 * password, and the state of failed logins (a run of failures slows logins down, then locks the account).
 */
public record User(String username, String role, String passwordHash, int failures, Instant retryAfter, Instant createdAt) {
    public User withFailures(int newFailures, Instant newRetryAfter) {
        return new User(username, role, passwordHash, newFailures, newRetryAfter, createdAt);
    }
}
