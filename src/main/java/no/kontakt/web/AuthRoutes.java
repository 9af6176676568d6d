package no.kontakt.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kontakt.inbox.Accounts;
import no.kontakt.inbox.Staff;
import no.kontakt.inbox.Totp;
import no.kontakt.store.User;

/**
 * Signing in and accounts: {@code POST /api/login} (with {@code code} once a second factor is set up),
 * {@code POST /api/logout}, {@code GET /api/me}; setting up TOTP ({@code POST /api/me/totp},
 * {@code GET /api/me/totp/qr.png}, {@code POST /api/me/totp/confirm}); and the accounts, for admins
 * ({@code GET|POST /api/admin/users}, {@code PATCH|DELETE /api/admin/users/{username}}), each change audited.
 */
final class AuthRoutes {
    private final Accounts accounts;
    private final boolean secureCookies;
    private final Clock clock;

    private UnitAccess units;

    AuthRoutes(Accounts accounts, boolean secureCookies, Clock clock) {
        this.accounts = accounts;
        this.secureCookies = secureCookies;
        this.clock = clock;
    }

    /** The deployment's units: an account's {@code units} are checked against them and shown. */
    AuthRoutes units(UnitAccess unitAccess) {
        this.units = unitAccess;
        return this;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/login", this::login);
        routes.post("/api/logout", this::logout, Role.INBOX);
        routes.get("/api/me", this::me, Role.INBOX);
        routes.post("/api/me/totp", this::startTotp, Role.INBOX);
        routes.get("/api/me/totp/qr.png", this::qr, Role.INBOX);
        routes.post("/api/me/totp/confirm", this::confirmTotp, Role.INBOX);
        routes.get("/api/admin/users", ctx -> ctx.json(accounts.list().stream().filter(u -> manages(Auth.staff(ctx), u))
                .map(this::view).toList()), Role.ADMIN);
        routes.post("/api/admin/users", this::createUser, Role.ADMIN);
        routes.patch("/api/admin/users/{username}", this::changeUser, Role.ADMIN);
        routes.delete("/api/admin/users/{username}", this::removeUser, Role.ADMIN);
    }

    private void login(Context ctx) {
        JsonNode body = Bodies.json(ctx);
        String username = Bodies.text(body, "username", 100);
        String password = Bodies.text(body, "password", 200);
        JsonNode codeNode = body.get("code");
        String code = codeNode == null || codeNode.isNull() ? null : codeNode.asText();
        try {
            session(ctx, accounts.login(username, password, code, ClientAddresses.key(ctx)));
        } catch (Accounts.LoginRefused e) {
            if (e.retryAfter() != null) {
                long seconds = Math.max(1, (Duration.between(clock.instant(), e.retryAfter()).toMillis() + 999) / 1000);
                ctx.header("Retry-After", String.valueOf(seconds));
                throw new ApiError(429, e.code(), e.getMessage());
            }
            throw new ApiError(401, e.code(), e.getMessage());
        }
    }

    /** Sets the session cookie of a login and answers with its tokens (the password login and single sign-on alike). */
    void session(Context ctx, Accounts.Login login) {
        cookie(ctx, login);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", login.token());
        out.put("csrf", login.csrf());
        out.put("username", login.username());
        out.put("role", login.role());
        out.put("expiresAt", login.expiresAt().toString());
        out.put("mustEnrolTotp", login.mustEnrolTotp());
        ctx.json(out);
    }

    /** The session cookie of a login: HttpOnly, SameSite=Strict, Secure behind https. */
    void cookie(Context ctx, Accounts.Login login) {
        ctx.cookie(new Cookie(Auth.COOKIE, login.token(), "/", (int) Duration.between(clock.instant(), login.expiresAt()).toSeconds(),
                secureCookies, true, null, SameSite.STRICT));
    }

    /** The pages ask after a reload: the cookie still holds the session, the CSRF token lives only in memory. */
    private void me(Context ctx) {
        Accounts.Current current = ctx.attribute("login");
        if (current == null) {
            throw ApiError.forbidden("The local token is not a person's login.");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", current.username());
        out.put("role", current.role());
        out.put("csrf", current.login().csrf());
        out.put("expiresAt", current.login().expiresAt().toString());
        out.put("totp", current.user().hasTotp());
        out.put("mustEnrolTotp", current.mustEnrolTotp());
        out.put("method", current.login().method());
        ctx.json(out);
    }

    private void logout(Context ctx) {
        if (ctx.attribute("token") != null) {
            accounts.logout(ctx.attribute("token"));
        }
        ctx.removeCookie(Auth.COOKIE, "/");
        ctx.status(204);
    }

    private void startTotp(Context ctx) {
        Staff staff = person(ctx);
        String secret;
        try {
            secret = accounts.startTotp(staff.username());
        } catch (Accounts.Conflict e) {
            throw new ApiError(409, "totp_already_set", e.getMessage());
        }
        ctx.json(Map.of("secret", secret, "uri", Totp.uri(Accounts.ISSUER, staff.username(), secret), "qr", "/api/me/totp/qr.png"));
    }

    private void qr(Context ctx) {
        Staff staff = person(ctx);
        String secret = accounts.pendingTotp(staff.username()).orElseThrow(() -> ApiError.notFound("No second factor is being set up: POST /api/me/totp first."));
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("image/png").result(Totp.qrPng(Accounts.ISSUER, staff.username(), secret));
    }

    private void confirmTotp(Context ctx) {
        Staff staff = person(ctx);
        String code = Bodies.text(Bodies.json(ctx), "code", 20);
        if (!accounts.confirmTotp(staff.username(), code)) {
            throw new ApiError(400, "totp_invalid", "That code does not match: check the time on your phone and enter the code shown now "
                    + "(POST /api/me/totp first if you have not).");
        }
        audit(staff, "totp_set_up", staff.username());
        ctx.json(Map.of("totp", true));
    }

    private static Staff person(Context ctx) {
        Staff staff = Auth.staff(ctx);
        if (Auth.LOCAL_USER.equals(staff.username())) {
            throw ApiError.forbidden("The local token has no second factor of its own.");
        }
        return staff;
    }

    private void createUser(Context ctx) {
        JsonNode body = Bodies.json(ctx);
        String username = Bodies.text(body, "username", 100);
        String role = Bodies.text(body, "role", 20);
        char[] password = optional(body, "password");
        List<String> given = unitsOf(body);
        grantable(Auth.staff(ctx), given);
        try {
            User user = accounts.create(username, role, password);
            if (given != null) {
                user = accounts.units(user.username(), given).orElseThrow();
            }
            audit(Auth.staff(ctx), "user_created", user.username() + " " + user.role() + (given != null ? " units=" + String.join(",", given) : ""));
            ctx.status(201).json(view(user));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(capital(e.getMessage()) + ".");
        } catch (Accounts.Conflict e) {
            throw new ApiError(409, "conflict", e.getMessage());
        }
    }

    private void changeUser(Context ctx) {
        JsonNode body = Bodies.json(ctx);
        String role = body.hasNonNull("role") ? Bodies.text(body, "role", 20) : null;
        char[] password = optional(body, "password");
        boolean resetTotp = body.path("resetTotp").asBoolean(false) || (body.has("totp") && !body.get("totp").asBoolean(true));
        List<String> given = unitsOf(body);
        if (role == null && password == null && !resetTotp && given == null) {
            throw ApiError.badRequest("Send at least one of 'role', 'password', 'units' or 'resetTotp': true.");
        }
        managed(ctx);
        if (given != null) {
            grantable(Auth.staff(ctx), given);
        }
        try {
            User user = accounts.update(ctx.pathParam("username"), role, password, resetTotp)
                    .orElseThrow(() -> ApiError.notFound("There is no user " + ctx.pathParam("username") + "."));
            if (given != null) {
                user = accounts.units(user.username(), given).orElseThrow();
            }
            audit(Auth.staff(ctx), "user_changed", user.username() + (role != null ? " role=" + role : "")
                    + (given != null ? " units=" + String.join(",", given) : "")
                    + (password != null ? " password" : "") + (resetTotp ? " totp_reset" : ""));
            ctx.json(view(user));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(capital(e.getMessage()) + ".");
        } catch (Accounts.Conflict e) {
            throw new ApiError(409, "conflict", e.getMessage());
        }
    }

    private void removeUser(Context ctx) {
        managed(ctx);
        try {
            if (!accounts.remove(ctx.pathParam("username"), true)) {
                throw ApiError.notFound("There is no user " + ctx.pathParam("username") + ".");
            }
        } catch (Accounts.Conflict e) {
            throw new ApiError(409, "conflict", e.getMessage());
        }
        audit(Auth.staff(ctx), "user_removed", Accounts.normalize(ctx.pathParam("username")));
        ctx.status(204);
    }

    private static char[] optional(JsonNode body, String field) {
        return body.hasNonNull(field) ? Bodies.text(body, field, 200).toCharArray() : null;
    }

    private void audit(Staff staff, String action, String detail) {
        accounts.audit(staff, action, detail);
    }

    /**
     * Whether {@code admin} manages the account {@code user}: an admin of every unit manages every account; an admin of
     * some units only the accounts whose units are all among theirs (never one of every unit).
     */
    private boolean manages(Staff admin, User user) {
        if (admin.sees(Staff.ALL_UNITS)) {
            return true;
        }
        List<String> theirs = units == null ? user.units() == null ? List.of() : user.units() : units.unitsOf(user);
        return theirs.stream().allMatch(u -> !Staff.ALL_UNITS.equals(u) && admin.sees(u));
    }

    /** The account in the path, one the person manages: another unit's account does not exist for them (404). */
    private void managed(Context ctx) {
        Staff admin = Auth.staff(ctx);
        if (admin.sees(Staff.ALL_UNITS)) {
            return;
        }
        String name = Accounts.normalize(ctx.pathParam("username"));
        if (accounts.list().stream().noneMatch(u -> u.username().equals(name) && manages(admin, u))) {
            throw ApiError.notFound("There is no user " + ctx.pathParam("username") + ".");
        }
    }

    /** An admin of some units grants only those units ({@code given} null: the default unit, for a new account). */
    private void grantable(Staff admin, List<String> given) {
        if (admin.sees(Staff.ALL_UNITS)) {
            return;
        }
        List<String> asked = given != null ? given : units == null ? List.of() : List.of(units.defaultUnit());
        for (String unit : asked) {
            if (Staff.ALL_UNITS.equals(unit) || !admin.sees(unit)) {
                throw ApiError.forbidden("You may grant only your own units (" + String.join(", ", admin.units())
                        + "); an admin of every unit grants " + unit + ".");
            }
        }
    }

    /** {@code units} of a request body: a list of unit ids or {@code *}; null when absent. */
    private List<String> unitsOf(JsonNode body) {
        JsonNode node = body.get("units");
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> known = units == null ? List.of() : units.ids();
        if (!node.isArray() || node.isEmpty()) {
            throw ApiError.badRequest("'units' is a list of unit ids (" + String.join(", ", known) + ") or [\"*\"] for every unit.");
        }
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode id : node) {
            if (!id.isTextual() || !(Staff.ALL_UNITS.equals(id.asText()) || known.contains(id.asText()))) {
                throw ApiError.badRequest("There is no unit " + id + " (known: " + String.join(", ", known) + "; * is every unit).");
            }
            out.add(id.asText());
        }
        return List.copyOf(out);
    }

    Map<String, Object> view(User user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", user.username());
        out.put("role", user.role());
        out.put("units", units == null ? user.units() : units.unitsOf(user));
        out.put("totp", user.hasTotp());
        out.put("password", user.passwordHash() != null);
        out.put("createdAt", user.createdAt() == null ? null : user.createdAt().toString());
        return out;
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
