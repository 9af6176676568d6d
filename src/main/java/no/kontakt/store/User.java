package no.kontakt.store;

import java.time.Instant;

/**
 * A staff account: a role ({@code staff}, {@code peer}, {@code oncall}, {@code admin}), a bcrypt hash of the
 * password (null: the person signs in only through single sign-on), the second factor, and a version that
 * every change of role, password or second factor raises: a login remembers the version it was made under and
 * ends when the account's version moves on.
 *
 * <p>{@code totpSecret} is the active TOTP secret (base32; null: none), {@code totpPending} one being enrolled
 * and not yet confirmed, {@code totpLastStep} the 30-second step of the last code accepted (a code is accepted
 * once). {@code failures} and {@code retryAfter} are from older versions, which kept the failed-login count here;
 * it now lives in memory, per address and per account.
 */
public record User(String username, String role, String passwordHash, int failures, Instant retryAfter, Instant createdAt,
                   String totpSecret, String totpPending, long totpLastStep, long version, java.util.List<String> units) {
    public User(String username, String role, String passwordHash, int failures, Instant retryAfter, Instant createdAt,
                String totpSecret, String totpPending, long totpLastStep, long version) {
        this(username, role, passwordHash, failures, retryAfter, createdAt, totpSecret, totpPending, totpLastStep, version, null);
    }

    public User {
        units = units == null || units.isEmpty() ? null : java.util.List.copyOf(units);
    }

    /** The units whose conversations this person sees ({@code *}: all), or null: the default unit only. */
    public User withUnits(java.util.List<String> newUnits) {
        return new User(username, role, passwordHash, 0, null, createdAt, totpSecret, totpPending, totpLastStep, version + 1, newUnits);
    }
    public User(String username, String role, String passwordHash, int failures, Instant retryAfter, Instant createdAt) {
        this(username, role, passwordHash, failures, retryAfter, createdAt, null, null, 0, 0);
    }

    public User withFailures(int newFailures, Instant newRetryAfter) {
        return new User(username, role, passwordHash, newFailures, newRetryAfter, createdAt, totpSecret, totpPending, totpLastStep, version, units);
    }

    public boolean hasTotp() {
        return totpSecret != null;
    }

    /** A new role: ends the account's logins. */
    public User withRole(String newRole) {
        return new User(username, newRole, passwordHash, 0, null, createdAt, totpSecret, totpPending, totpLastStep, version + 1, units);
    }

    /** A new password hash: ends the account's logins. */
    public User withPasswordHash(String hash) {
        return new User(username, role, hash, 0, null, createdAt, totpSecret, totpPending, totpLastStep, version + 1, units);
    }

    /** No second factor any more: ends the account's logins, and the person enrols again. */
    public User withoutTotp() {
        return new User(username, role, passwordHash, 0, null, createdAt, null, null, 0, version + 1, units);
    }

    /** A secret being enrolled (not yet in force). */
    public User withTotpPending(String secret) {
        return new User(username, role, passwordHash, failures, retryAfter, createdAt, totpSecret, secret, totpLastStep, version, units);
    }

    /** The pending secret confirmed with the code of {@code step}: in force from now on (the logins stay). */
    public User withTotpConfirmed(long step) {
        return new User(username, role, passwordHash, failures, retryAfter, createdAt, totpPending, null, step, version, units);
    }

    /** A code of {@code step} was used: codes of this step and earlier are refused from now on. */
    public User withTotpUsed(long step) {
        return new User(username, role, passwordHash, failures, retryAfter, createdAt, totpSecret, totpPending, step, version, units);
    }
}
