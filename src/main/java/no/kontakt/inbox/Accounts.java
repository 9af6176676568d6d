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
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import no.kontakt.store.Batch;
import no.kontakt.store.LoginSession;
import no.kontakt.store.UserStore;
import no.kontakt.store.LoginStore;
import no.kontakt.store.UnitOfWork;
import no.kontakt.store.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff accounts and logins. Passwords are kept as bcrypt hashes; a login gives a random token stored only as
 * its SHA-256. Failed logins are counted per address and per account ({@link LoginThrottle}); unknown names get
 * the same answers, after the same bcrypt work, as known ones.
 *
 * <p>Every request reads the account again ({@link #session}): a login made before a change of role, a new
 * password, a reset of the second factor or the account's removal ends at once. A second factor (TOTP) is asked
 * for at login once it is set up; {@link TwoFactorPolicy} says whose accounts must set it up before they can do
 * anything else.
 */
public final class Accounts {
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);
    public static final Set<String> ROLES = Set.of("staff", "peer", "oncall", "admin");
    static final int SLOW_AFTER = LoginThrottle.SLOW_AFTER;
    static final int LOCK_AFTER = LoginThrottle.LOCK_AFTER;
    static final Duration LOCK = LoginThrottle.LOCK;
    static final Duration SESSION = Duration.ofHours(10);
    private static final int COST = 12;
    /** A cost-12 hash of "not a password", checked for unknown names so they take as long as known ones (a constant: computing it cost start-up a quarter second). */
    private static final String DUMMY_HASH = "$2a$12$SyMGEwesVrJctNFzInjxg.LMq/ShR8lNHNA0HTq6SmhutgaRCXfPO";
    /** Names of 2-100 characters: lower-case letters, digits and {@code . _ - @ +}, so e-mail addresses fit. */
    private static final java.util.regex.Pattern USERNAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._@+-]{1,99}");
    public static final String ISSUER = "Kontakt";

    private final UserStore userStore;
    private final LoginStore loginStore;
    private final no.kontakt.store.AuditLog auditLog;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final TwoFactorPolicy policy;
    private final SecureRandom random = new SecureRandom();
    final LoginThrottle throttle;
    /** Unknown names cost the same bcrypt work as known ones (a switch for the test that shows the timing leak without it). */
    volatile boolean equalWork = true;
    /** A change of the account ends its logins (a switch for the test that shows a login outliving a demotion without it). */
    volatile boolean endLoginsOnChange = true;
    private final String localToken;

    /** Who must set up a second factor before doing anything else: {@code admin} (the default), {@code all} or {@code none}. */
    public enum TwoFactorPolicy {
        ADMIN, ALL, NONE;

        public static TwoFactorPolicy parse(String value) {
            if (value == null || value.isBlank()) {
                return ADMIN;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("KONTAKT_REQUIRE_2FA must be admin, all or none (was '" + value + "')");
            }
        }

        public boolean requires(String role) {
            return this == ALL || (this == ADMIN && "admin".equals(role));
        }
    }

    public Accounts(UserStore userStore, LoginStore loginStore, no.kontakt.store.AuditLog auditLog, UnitOfWork unitOfWork, Clock clock) {
        this(userStore, loginStore, auditLog, unitOfWork, clock, TwoFactorPolicy.ADMIN);
    }

    public Accounts(UserStore userStore, LoginStore loginStore, no.kontakt.store.AuditLog auditLog, UnitOfWork unitOfWork, Clock clock, TwoFactorPolicy policy) {
        this(userStore, loginStore, auditLog, unitOfWork, clock, policy, new no.kontakt.store.MemoryLoginCounts());
    }

    /** @param failures where failed logins are counted (shared by the instances on one database) */
    public Accounts(UserStore userStore, LoginStore loginStore, no.kontakt.store.AuditLog auditLog, UnitOfWork unitOfWork, Clock clock, TwoFactorPolicy policy,
                    no.kontakt.store.LoginCounts failures) {
        this.throttle = new LoginThrottle(failures);
        this.userStore = userStore;
        this.loginStore = loginStore;
        this.auditLog = auditLog;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.policy = policy;
        this.localToken = randomToken();
    }

    /** Whether a single sign-on started under {@code id} comes back for the first time (on any instance). */
    public boolean firstReturn(String id) {
        return throttle.once("sign-on\n" + id, clock.instant());
    }

    public TwoFactorPolicy policy() {
        return policy;
    }

    /** What a login gives: the token for {@code Authorization: Bearer}, the same in a cookie, and the CSRF token. */
    public record Login(String token, String csrf, String username, String role, Instant expiresAt, boolean mustEnrolTotp) {}

    /** A valid login as it stands now: the stored login and the account as it is now (its role is the one that counts). */
    public record Current(LoginSession login, User user, boolean mustEnrolTotp) {
        public String role() {
            return user.role();
        }

        public String username() {
            return user.username();
        }
    }

    /** Why a login failed: an error code, and when to try again (null: just wrong). */
    public static final class LoginRefused extends RuntimeException {
        private final Instant retryAfter;
        private final boolean locked;
        private final String code;

        LoginRefused(String message, Instant retryAfter, boolean locked) {
            this(message, retryAfter, locked, "unauthorized");
        }

        LoginRefused(String message, Instant retryAfter, boolean locked, String code) {
            super(message);
            this.retryAfter = retryAfter;
            this.locked = locked;
            this.code = code;
        }

        public Instant retryAfter() {
            return retryAfter;
        }

        public boolean locked() {
            return locked;
        }

        /** {@code unauthorized}, {@code totp_required} (send {@code code} too) or {@code totp_invalid}. */
        public String code() {
            return code;
        }
    }

    /** A request about accounts that cannot be done as asked (HTTP 409): the name is taken, or it would leave no admin. */
    public static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    /** A user name as stored: trimmed and lower case. */
    public static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    /** Adds or replaces an account (the command line). A null password: the person signs in only through single sign-on. */
    public void add(String username, String role, char[] password) {
        String name = validName(username);
        validRole(role);
        String hash = password == null ? null : hash(password);
        Optional<User> old = userStore.user(name);
        User user = old.map(u -> new User(name, role, hash, 0, null, u.createdAt(), u.totpSecret(), u.totpPending(), u.totpLastStep(), u.version() + 1))
                .orElseGet(() -> new User(name, role, hash, 0, null, clock.instant(), null, null, 0, 1));
        save(user, old.isPresent());
        log.info("user saved username={} role={}", name, role);
    }

    /** Adds a new account (the admin API): a name already taken is a {@link Conflict}. */
    public User create(String username, String role, char[] password) {
        String name = validName(username);
        validRole(role);
        synchronized (this) {
            if (userStore.user(name).isPresent()) {
                throw new Conflict("There is already a user " + name + ".");
            }
            User user = new User(name, role, password == null ? null : hash(password), 0, null, clock.instant(), null, null, 0, 1);
            save(user, false);
            log.info("user created username={} role={}", name, role);
            return user;
        }
    }

    /**
     * Changes an account: a role, a new password, or no second factor ({@code resetTotp}); null leaves a part as
     * it is. Any change ends the person's logins. Empty when there is no such account.
     */
    public synchronized Optional<User> update(String username, String role, char[] password, boolean resetTotp) {
        Optional<User> found = userStore.user(normalize(username));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        User user = found.get();
        if (role != null) {
            validRole(role);
            if (!role.equals(user.role()) && "admin".equals(user.role()) && admins() <= 1) {
                throw new Conflict(user.username() + " is the only admin; make someone else admin first.");
            }
            user = user.withRole(role);
        }
        if (password != null) {
            user = user.withPasswordHash(hash(password));
        }
        if (resetTotp) {
            user = user.withoutTotp();
        }
        if (user != found.get()) {
            save(user, true);
            log.info("user changed username={} role={} password={} totp_reset={}", user.username(), user.role(), password != null, resetTotp);
        }
        return Optional.of(user);
    }

    /** Removes an account and ends its logins (the command line: no check for the last admin). */
    public boolean remove(String username) {
        return remove(username, false);
    }

    /** Removes an account and ends its logins; with {@code keepAnAdmin} the last admin cannot be removed. */
    public synchronized boolean remove(String username, boolean keepAnAdmin) {
        Optional<User> found = userStore.user(normalize(username));
        if (found.isEmpty()) {
            return false;
        }
        if (keepAnAdmin && "admin".equals(found.get().role()) && admins() <= 1) {
            throw new Conflict(found.get().username() + " is the only admin; make someone else admin first.");
        }
        Batch batch = new Batch();
        userStore.removeUser(batch, found.get().username());
        endLogins(batch, found.get().username());
        unitOfWork.commit(batch);
        log.info("user removed username={}", found.get().username());
        return true;
    }

    public List<User> list() {
        return userStore.users();
    }

    public Optional<User> user(String username) {
        return userStore.user(normalize(username));
    }

    private long admins() {
        return list().stream().filter(u -> "admin".equals(u.role())).count();
    }

    private void save(User user, boolean endLogins) {
        Batch batch = new Batch();
        userStore.saveUser(batch, user);
        if (endLogins) {
            endLogins(batch, user.username());
        }
        unitOfWork.commit(batch);
    }

    private void endLogins(Batch batch, String username) {
        if (!endLoginsOnChange) {
            return;
        }
        loginStore.logins().stream().filter(l -> l.username().equals(username))
                .forEach(l -> loginStore.removeLogin(batch, l.tokenHash()));
    }

    /** A login by password, as the command line and older callers make it: no second factor, one address. */
    public Login login(String username, String password) {
        return login(username, password, null, "local");
    }

    /**
     * A login by password, and the TOTP code once the account has one. {@code address} is the caller's, for
     * counting failures.
     */
    public Login login(String username, String password, String code, String address) {
        String name = normalize(username);
        Instant now = clock.instant();
        Object admitted = throttle.admit(name, address == null ? "" : address, now);
        if (admitted instanceof LoginThrottle.Refusal refusal) {
            throw new LoginRefused(refusal.locked() ? "Too many failed logins: logins from your address to this account are locked; try again later."
                    : "Too many failed logins; wait before trying again.", refusal.retryAfter(), refusal.locked(),
                    refusal.locked() ? "locked" : "too_many_attempts");
        }
        LoginThrottle.Attempt attempt = (LoginThrottle.Attempt) admitted;
        char[] given = (password == null ? "" : password).toCharArray();
        Optional<User> found = userStore.user(name);
        boolean passwordOk;
        if (found.isPresent() && found.get().passwordHash() != null) {
            passwordOk = BCrypt.verifyer().verify(given, found.get().passwordHash()).verified;
        } else {
            if (equalWork) {
                BCrypt.verifyer().verify(given, DUMMY_HASH); // the same work for unknown names and single sign-on accounts
            }
            passwordOk = false;
        }
        if (!passwordOk) {
            attempt.failed();
            log.warn("login failed (password) username_hash={}", hash(name).substring(0, 12));
            throw new LoginRefused("Wrong username or password.", null, false);
        }
        User user = found.get();
        if (user.hasTotp()) {
            if (code == null || code.isBlank()) {
                attempt.failed();
                throw new LoginRefused("Enter the 6-digit code from your authenticator app as well.", null, false, "totp_required");
            }
            User used = verifyTotpAndMark(user, code, now);
            if (used == null) {
                attempt.failed();
                log.warn("login failed (code) username={}", user.username());
                throw new LoginRefused("The code is wrong or was already used; wait for the next one.", null, false, "totp_invalid");
            }
            user = used;
        }
        attempt.succeeded();
        return open(user, "password", now);
    }

    /** A login vouched for by the identity provider (single sign-on): the account must exist; no password, no TOTP here. */
    public Optional<Login> loginTrusted(String username) {
        Optional<User> found = userStore.user(normalize(username));
        return found.map(u -> open(u, "oidc", clock.instant()));
    }

    private Login open(User user, String method, Instant now) {
        String token = randomToken();
        String csrf = randomToken();
        Instant expires = now.plus(SESSION);
        Batch batch = new Batch();
        loginStore.saveLogin(batch, new LoginSession(hash(token), user.username(), user.role(), csrf, now, expires, user.version(), method));
        unitOfWork.commit(batch);
        log.info("login username={} role={} method={}", user.username(), user.role(), method);
        return new Login(token, csrf, user.username(), user.role(), expires, mustEnrol(user, method));
    }

    private boolean mustEnrol(User user, String method) {
        return "password".equals(method) && !user.hasTotp() && policy.requires(user.role());
    }

    /** Under the account's lock: the step of a fresh code, marked used, or null. */
    private synchronized User verifyTotpAndMark(User user, String code, Instant now) {
        User current = userStore.user(user.username()).orElse(user);
        OptionalLong step = Totp.verify(current.totpSecret(), code, now, current.totpLastStep());
        if (step.isEmpty()) {
            return null;
        }
        User used = current.withTotpUsed(step.getAsLong());
        Batch batch = new Batch();
        userStore.saveUser(batch, used);
        unitOfWork.commit(batch);
        return used;
    }

    /** The login a token belongs to, if it is valid, not expired, and its account still exists unchanged. */
    public Optional<LoginSession> session(String token) {
        return current(token).map(Current::login);
    }

    /** The login a token belongs to and its account as it is now; empty when the account changed since the login. */
    public Optional<Current> current(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Optional<LoginSession> login = loginStore.login(hash(token.strip())).filter(s -> clock.instant().isBefore(s.expiresAt()));
        if (login.isEmpty()) {
            return Optional.empty();
        }
        Optional<User> user = userStore.user(login.get().username());
        if (user.isEmpty() || (endLoginsOnChange && user.get().version() != login.get().userVersion())) {
            return Optional.empty();
        }
        return Optional.of(new Current(login.get(), user.get(), mustEnrol(user.get(), login.get().method() == null ? "password" : login.get().method())));
    }

    /** Starts setting up TOTP: a new secret, pending until {@link #confirmTotp}. Refused (Conflict) when one is already in force. */
    public synchronized String startTotp(String username) {
        User user = userStore.user(normalize(username)).orElseThrow();
        if (user.hasTotp()) {
            throw new Conflict("A second factor is already set up. An admin can reset it (PATCH /api/admin/users/{username} {\"resetTotp\": true}).");
        }
        String secret = Totp.newSecret();
        Batch batch = new Batch();
        userStore.saveUser(batch, user.withTotpPending(secret));
        unitOfWork.commit(batch);
        return secret;
    }

    /** The secret being set up, for its QR code. */
    public Optional<String> pendingTotp(String username) {
        return userStore.user(normalize(username)).map(User::totpPending);
    }

    /** Confirms the pending secret with a code from the app; false when the code is wrong (or nothing is pending). */
    public synchronized boolean confirmTotp(String username, String code) {
        User user = userStore.user(normalize(username)).orElseThrow();
        if (user.totpPending() == null) {
            return false;
        }
        OptionalLong step = Totp.verify(user.totpPending(), code, clock.instant(), 0);
        if (step.isEmpty()) {
            return false;
        }
        Batch batch = new Batch();
        userStore.saveUser(batch, user.withTotpConfirmed(step.getAsLong()));
        unitOfWork.commit(batch);
        log.info("totp set up username={}", user.username());
        return true;
    }

    public void logout(String token) {
        Batch batch = new Batch();
        loginStore.removeLogin(batch, hash(token));
        unitOfWork.commit(batch);
    }

    /** A token for the command line on this machine while the server runs (admin rights, loopback only); never stored. */
    public String localToken() {
        return localToken;
    }

    public boolean isLocalToken(String token) {
        return token != null && MessageDigest.isEqual(token.strip().getBytes(StandardCharsets.UTF_8), localToken.getBytes(StandardCharsets.UTF_8));
    }

    private static String validName(String username) {
        String name = normalize(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a username is 2-100 characters: letters, digits, '.', '_', '-', '@' or '+' "
                    + "(an e-mail address is fine), starting with a letter or digit");
        }
        return name;
    }

    private static void validRole(String role) {
        if (role == null || !ROLES.contains(role)) {
            throw new IllegalArgumentException("role must be one of staff, peer, oncall, admin (was '" + role + "')");
        }
    }

    private static String hash(char[] password) {
        if (password.length < 12) {
            throw new IllegalArgumentException("the password must be at least 12 characters");
        }
        if (password.length > 72) {
            throw new IllegalArgumentException("the password must be at most 72 characters");
        }
        return BCrypt.withDefaults().hashToString(COST, password);
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

    /** Writes one entry of the audit trail: who did what to which account or setting. */
    public void audit(Staff staff, String action, String detail) {
        Batch batch = new Batch();
        auditLog.audit(batch, new no.kontakt.store.AuditEntry(clock.instant(), staff.username(), staff.role(), action, null, detail));
        unitOfWork.commit(batch);
    }

    /** The audit trail, newest first. */
    public List<no.kontakt.store.AuditEntry> auditTrail() {
        return auditLog.auditTrail();
    }
}
