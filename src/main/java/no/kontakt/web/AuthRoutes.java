package no.kontakt.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import no.kontakt.store.LoginSession;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import no.kontakt.inbox.Accounts;

/** {@code POST /api/login} and {@code POST /api/logout}. */
final class AuthRoutes {
    private final Accounts accounts;
    private final boolean secureCookies;
    private final Clock clock;

    AuthRoutes(Accounts accounts, boolean secureCookies, Clock clock) {
        this.accounts = accounts;
        this.secureCookies = secureCookies;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/login", this::login);
        routes.post("/api/logout", this::logout, Role.INBOX);
        routes.get("/api/me", this::me, Role.INBOX);
    }

    private void login(Context ctx) {
        JsonNode body = Bodies.json(ctx);
        String username = Bodies.text(body, "username", 100);
        String password = Bodies.text(body, "password", 200);
        try {
            Accounts.Login login = accounts.login(username, password);
            Cookie cookie = new Cookie(Auth.COOKIE, login.token(), "/", (int) Duration.between(clock.instant(), login.expiresAt()).toSeconds(),
                    secureCookies, true, null, SameSite.STRICT);
            ctx.cookie(cookie);
            ctx.json(Map.of("token", login.token(), "csrf", login.csrf(), "username", login.username(), "role", login.role(),
                    "expiresAt", login.expiresAt().toString()));
        } catch (Accounts.LoginRefused e) {
            if (e.retryAfter() != null) {
                long seconds = Math.max(1, Duration.between(clock.instant(), e.retryAfter()).toSeconds());
                ctx.header("Retry-After", String.valueOf(seconds));
                throw new ApiError(429, e.locked() ? "locked" : "too_many_attempts", e.getMessage());
            }
            throw new ApiError(401, "unauthorized", e.getMessage());
        }
    }

    /** The pages ask after a reload: the cookie still holds the session, the CSRF token lives only in memory. */
    private void me(Context ctx) {
        LoginSession login = accounts.session(ctx.attribute("token")).orElseThrow();
        ctx.json(Map.of("username", login.username(), "role", login.role(), "csrf", login.csrf(), "expiresAt", login.expiresAt().toString()));
    }

    private void logout(Context ctx) {
        accounts.logout(ctx.attribute("token"));
        ctx.removeCookie(Auth.COOKIE, "/");
        ctx.status(204);
    }
}
