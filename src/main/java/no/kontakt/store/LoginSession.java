package no.kontakt.store;

import java.time.Instant;

/** A staff login: stored under the SHA-256 of its token (the token itself is never stored), with its CSRF token. */
public record LoginSession(String tokenHash, String username, String role, String csrf, Instant createdAt, Instant expiresAt) {}
