package no.kontakt.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import no.kontakt.config.AppConfig;
import no.kontakt.limits.RateLimiter;

/**
 * The per-address request limits of each route class ({@code server.limits}): signed Twilio webhooks, unsigned
 * traffic to {@code /twilio/*}, the web chat, login, and the staff API. Beyond a limit the answer is 429
 * {@code too_many_requests} with {@code Retry-After}, and nothing else runs.
 */
final class RouteLimits {
    final RateLimiter webhook;
    final RateLimiter unsigned;
    final RateLimiter chatOpen;
    final RateLimiter chatMessages;
    final RateLimiter chatEvents;
    final RateLimiter chatReceived;
    final RateLimiter login;
    final RateLimiter staff;

    RouteLimits(AppConfig.Limits limits) {
        Duration minute = Duration.ofMinutes(1);
        Clock clock = Clock.systemUTC();
        this.webhook = new RateLimiter(limits.webhook(), minute, clock);
        this.unsigned = new RateLimiter(limits.unsigned(), minute, clock);
        this.chatOpen = new RateLimiter(limits.chatOpen(), minute, clock);
        this.chatMessages = new RateLimiter(limits.chat(), minute, clock);
        this.chatEvents = new RateLimiter(limits.chat(), minute, clock);
        this.chatReceived = new RateLimiter(limits.chat() * 2, minute, clock);
        this.login = new RateLimiter(limits.login(), minute, clock);
        this.staff = new RateLimiter(limits.staff(), minute, clock);
    }

    /** A before-handler for the classes known by path: login and the staff API. */
    void byPath(Context ctx) {
        String path = ctx.path();
        if (path.equals("/api/login")) {
            check(ctx, login);
        } else if (path.startsWith("/api/inbox/") || path.startsWith("/api/admin/") || (path.equals("/api/me") || path.startsWith("/api/me/"))
                || path.equals("/api/logout")) {
            check(ctx, staff);
        }
    }

    /** Counts the request against the limiter; beyond it, 429 with Retry-After. */
    static void check(Context ctx, RateLimiter limiter) {
        RateLimiter.Decision d = limiter.hit(ClientAddresses.key(ctx));
        if (!d.allowed()) {
            long retry = d.retryAfterSeconds();
            ctx.header("Retry-After", String.valueOf(retry));
            throw new ApiError(429, "too_many_requests", "Too many requests from your address; try again in " + retry + " s.");
        }
    }
}
