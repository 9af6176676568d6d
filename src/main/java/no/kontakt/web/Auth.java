package no.kontakt.web;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Optional;
import java.util.Set;
import no.kontakt.inbox.Accounts;
import no.kontakt.inbox.Staff;
import no.kontakt.store.LoginSession;

/**
 * Checks every route that admits roles: a login by {@code Authorization: Bearer} or by the session cookie
 * (401 without one), a role the route admits (403 otherwise), and for cookie logins a matching
 * {@code X-CSRF-Token} on every request that changes something.
 */
final class Auth {
    static final String COOKIE = "kontakt_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String STAFF = "staff";

    private final Accounts accounts;

    Auth(Accounts accounts) {
        this.accounts = accounts;
    }

    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            return;
        }
        String bearer = bearer(ctx);
        String token = bearer != null ? bearer : ctx.cookie(COOKIE);
        Optional<LoginSession> login = accounts.session(token);
        if (login.isEmpty()) {
            throw new ApiError(401, "unauthorized", "Log in first: POST /api/login, then send the token as 'Authorization: Bearer …' or the session cookie.");
        }
        if (!roles.contains(Role.of(login.get().role()))) {
            throw ApiError.forbidden("Your role (" + login.get().role() + ") may not do this.");
        }
        if (bearer == null && !"GET".equals(ctx.method().name()) && !login.get().csrf().equals(ctx.header(CSRF_HEADER))) {
            throw ApiError.forbidden("Send the CSRF token from the login in the " + CSRF_HEADER + " header.");
        }
        ctx.attribute(STAFF, new Staff(login.get().username(), login.get().role()));
        ctx.attribute("token", token);
    }

    /**
     * Refuses the request with 403 {@code {"error":"forbidden"}} unless the logged-in person's role has the
     * permission. Call it first in a handler whose route admits {@link Role#INBOX} but not every inbox role.
     */
    static Staff require(Context ctx, no.kontakt.inbox.Permission permission) {
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
}
