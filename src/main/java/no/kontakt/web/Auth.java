package no.kontakt.web;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;
import no.kontakt.inbox.Accounts;
import no.kontakt.inbox.Permission;
import no.kontakt.inbox.Staff;

/**
 * Checks every route that admits roles: a login by {@code Authorization: Bearer} or by the session cookie
 * (401 without one, or when the account changed since: a new role, password or second factor, or removal), a
 * role the route admits (403 otherwise), for cookie logins a matching {@code X-CSRF-Token} on every request
 * that changes something, and, where {@code KONTAKT_REQUIRE_2FA} asks for it, a second factor set up (403
 * {@code totp_enrolment_required} on everything but the enrolment). The role is read from the account on every
 * request, never from the login.
 */
final class Auth {
    static final String COOKIE = "kontakt_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** The command line's account while it talks to the running server over loopback. */
    static final String LOCAL_USER = "local-cli";
    private static final String STAFF = "staff";
    /** What a person who must set up a second factor may still reach. */
    private static final Set<String> ENROLMENT = Set.of("/api/me", "/api/me/totp", "/api/me/totp/confirm", "/api/me/totp/qr.png", "/api/logout");

    private final Accounts accounts;
    private final java.util.function.Function<no.kontakt.store.User, java.util.List<String>> units;

    Auth(Accounts accounts) {
        this(accounts, user -> java.util.List.of(Staff.ALL_UNITS));
    }

    /** {@code units}: the units a person's account lets them see. */
    Auth(Accounts accounts, java.util.function.Function<no.kontakt.store.User, java.util.List<String>> units) {
        this.accounts = accounts;
        this.units = units;
    }

    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        String bearer = bearer(ctx);
        if (bearer != null && accounts.isLocalToken(bearer)) {
            if (!loopback(ctx.req().getRemoteAddr())) {
                throw new ApiError(401, "unauthorized", "The local token works only from this machine.");
            }
            if (!roles.contains(Role.ADMIN) || !ctx.path().startsWith("/api/admin/users")) {
                throw ApiError.forbidden("The local token is for account management only.");
            }
            ctx.attribute(STAFF, new Staff(LOCAL_USER, "admin"));
            return;
        }
        String token = bearer != null ? bearer : ctx.cookie(COOKIE);
        Optional<Accounts.Current> login = accounts.current(token);
        if (login.isEmpty()) {
            throw new ApiError(401, "unauthorized", "Log in first: POST /api/login, then send the token as 'Authorization: Bearer …' or the session cookie.");
        }
        Accounts.Current current = login.get();
        if (!roles.contains(Role.of(current.role()))) {
            throw ApiError.forbidden("Your role (" + current.role() + ") may not do this.");
        }
        if (bearer == null && !"GET".equals(ctx.method().name()) && !current.login().csrf().equals(ctx.header(CSRF_HEADER))) {
            throw ApiError.forbidden("Send the CSRF token from the login in the " + CSRF_HEADER + " header.");
        }
        if (current.mustEnrolTotp() && !ENROLMENT.contains(ctx.path())) {
            throw new ApiError(403, "totp_enrolment_required", "Set up a second factor first: POST /api/me/totp, scan the code "
                    + "with an authenticator app, then POST /api/me/totp/confirm {\"code\": \"123456\"}.");
        }
        ctx.attribute(STAFF, new Staff(current.username(), current.role(), units.apply(current.user())));
        ctx.attribute("token", token);
        ctx.attribute("login", current);
    }

    /**
     * Refuses the request with 403 {@code {"error":"forbidden"}} unless the logged-in person's role has the
     * permission. Call it first in a handler whose route admits {@link Role#INBOX} but not every inbox role.
     */
    static Staff require(Context ctx, Permission permission) {
        Staff staff = staff(ctx);
        if (staff == null || !staff.may(permission)) {
            throw ApiError.forbidden("Your role (" + (staff == null ? "none" : staff.role()) + ") may not do this ("
                    + permission.name().toLowerCase(java.util.Locale.ROOT) + ").");
        }
        return staff;
    }

    static Staff staff(Context ctx) {
        return ctx.attribute(STAFF);
    }

    static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }

    static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address.replaceAll("^\\[|]$", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
