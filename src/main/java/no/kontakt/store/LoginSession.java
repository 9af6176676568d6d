package no.kontakt.store;

import java.time.Instant;

/**
 * A staff login: stored under the SHA-256 of its token (the token itself is never stored), with its CSRF token,
 * the account version it was made under (a change of role, password or second factor ends it), and how the
 * person signed in ({@code password} or {@code oidc}).
 */
public record LoginSession(String tokenHash, String username, String role, String csrf, Instant createdAt, Instant expiresAt,
                           long userVersion, String method) {
    public LoginSession(String tokenHash, String username, String role, String csrf, Instant createdAt, Instant expiresAt) {
        this(tokenHash, username, role, csrf, createdAt, expiresAt, 0, "password");
    }
}
