package no.kontakt.inbox;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.kontakt.store.Batch;
import no.kontakt.store.LoginSession;
import no.kontakt.store.Stores;
import no.kontakt.store.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff accounts and logins. Passwords are kept as bcrypt hashes; a login gives a random token stored only as
 * its SHA-256. After {@value #SLOW_AFTER} failures in a row each attempt must wait longer (429 with
 * Retry-After), and after {@value #LOCK_AFTER} the account is locked for {@link #LOCK}.
 */
public final class Accounts {
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    public static final Set<String> ROLES = Set.of("staff", "peer", "oncall", "admin");
    static final int SLOW_AFTER = 3;
    static final int LOCK_AFTER = 10;
    static final Duration LOCK = Duration.ofMinutes(15);
    static final Duration SESSION = Duration.ofHours(10);
    private static final int COST = 12;
    /** A cost-12 hash of "not a password", checked for unknown names so they take as long as known ones (a constant: computing it cost start-up a quarter second). */
    private static final String DUMMY_HASH = "$2a$12$SyMGEwesVrJctNFzInjxg.LMq/ShR8lNHNA0HTq6SmhutgaRCXfPO";

    private final Stores stores;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Accounts(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** What a login gives: the token for {@code Authorization: Bearer}, the same in a cookie, and the CSRF token. */
    public record Login(String token, String csrf, String username, String role, Instant expiresAt) {}

    /** Why a login failed, and when to try again (null: just wrong). */
    public static final class LoginRefused extends RuntimeException {
        private final Instant retryAfter;
        private final boolean locked;

        LoginRefused(String message, Instant retryAfter, boolean locked) {
            super(message);
            this.retryAfter = retryAfter;
            this.locked = locked;
        }

        public Instant retryAfter() {
            return retryAfter;
        }

        public boolean locked() {
            return locked;
        }
    }

    public void add(String username, String role, char[] password) {
        if (!username.matches("[a-z0-9._-]{2,40}")) {
            throw new IllegalArgumentException("a username is 2-40 lower-case letters, digits, '.', '_' or '-'");
        }
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of staff, peer, oncall, admin (was '" + role + "')");
        }
        if (password.length < 12) {
            throw new IllegalArgumentException("the password must be at least 12 characters");
        }
        Batch batch = new Batch();
        stores.staff().saveUser(batch, new User(username, role, BCrypt.withDefaults().hashToString(COST, password), 0, null, clock.instant()));
        stores.commit(batch);
        log.info("user saved username={} role={}", username, role);
    }

    public boolean remove(String username) {
        if (stores.staff().user(username).isEmpty()) {
            return false;
        }
        Batch batch = new Batch();
        stores.staff().removeUser(batch, username);
        stores.commit(batch);
        return true;
    }

    public List<User> list() {
        return stores.staff().users();
    }

    public Login login(String username, String password) {
        Instant now = clock.instant();
        Optional<User> found = stores.staff().user(username == null ? "" : username);
        if (found.isEmpty()) {
            BCrypt.verifyer().verify((password == null ? "" : password).toCharArray(), DUMMY_HASH); // same time as a real check
            throw new LoginRefused("Wrong username or password.", null, false);
        }
        User user = found.get();
        if (user.retryAfter() != null && now.isBefore(user.retryAfter())) {
            boolean locked = user.failures() >= LOCK_AFTER;
            throw new LoginRefused(locked ? "The account is locked after too many failed logins; try again later."
                    : "Too many failed logins; wait before trying again.", user.retryAfter(), locked);
        }
        if (!BCrypt.verifyer().verify((password == null ? "" : password).toCharArray(), user.passwordHash()).verified) {
            int failures = user.failures() + 1;
            Instant retry = failures >= LOCK_AFTER ? now.plus(LOCK)
                    : failures >= SLOW_AFTER ? now.plusSeconds(1L << Math.min(failures - SLOW_AFTER, 6)) : null;
            Batch batch = new Batch();
            stores.staff().saveUser(batch, user.withFailures(failures, retry));
            stores.commit(batch);
            log.warn("login failed username={} failures={}", username, failures);
            throw new LoginRefused("Wrong username or password.", retry, failures >= LOCK_AFTER);
        }
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = now.plus(SESSION);
        Batch batch = new Batch();
        stores.staff().saveUser(batch, user.withFailures(0, null));
        stores.staff().saveLogin(batch, new LoginSession(hash(token), user.username(), user.role(), csrf, now, expires));
        stores.commit(batch);
        log.info("login username={} role={}", user.username(), user.role());
        return new Login(token, csrf, user.username(), user.role(), expires);
    }

    /** The login a token belongs to, if it is valid and not expired. */
    public Optional<LoginSession> session(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return stores.staff().login(hash(token.strip())).filter(s -> clock.instant().isBefore(s.expiresAt()))
                .filter(s -> stores.staff().user(s.username()).isPresent());
    }

    public void logout(String token) {
        Batch batch = new Batch();
        stores.staff().removeLogin(batch, hash(token));
        stores.commit(batch);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
