package no.kontakt.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Security headers on every response (no framing, no sniffing, no referrer, a strict content policy; HSTS
 * behind TLS), {@code Cache-Control: no-store} on the API and webhooks, and per-address limits on the
 * endpoints a person could hammer (login, the web chat): 429 with {@code Retry-After} beyond them. Only the web
 * chat ({@code /chat}) may be framed, and only by this server and the configured {@code server.embed_origins}.
 */
final class Hardening {
    private final boolean https;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int perMinute;
    private final String chatFrameAncestors;

    private static final class Window {
        long startMillis;
        int count;
    }

    Hardening(boolean https, int perMinute) {
        this(https, perMinute, java.util.List.of());
    }

    Hardening(boolean https, int perMinute, java.util.List<String> embedOrigins) {
        this.https = https;
        this.perMinute = perMinute;
        this.chatFrameAncestors = String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("'self'"),
                embedOrigins.stream()).toList());
    }

    void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (ChatPage.PATH.equals(ctx.path())) {
            ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors " + chatFrameAncestors
                    + "; base-uri 'none'; form-action 'self'");
        } else {
            ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            ctx.header("X-Frame-Options", "DENY");
        }
        if (https) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        String path = ctx.path();
        if (path.startsWith("/api/") || path.startsWith("/twilio/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /** Counts a request from the caller's address; beyond the limit per minute, 429 with Retry-After. */
    void limit(Context ctx) {
        long now = System.currentTimeMillis();
        Window w = windows.computeIfAbsent(ctx.ip(), ip -> new Window());
        synchronized (w) {
            if (now - w.startMillis >= 60_000) {
                w.startMillis = now;
                w.count = 0;
            }
            if (++w.count > perMinute) {
                long retry = Math.max(1, (w.startMillis + 60_000 - now + 999) / 1000);
                ctx.header("Retry-After", String.valueOf(retry));
                throw new ApiError(429, "too_many_requests", "Too many requests from your address; try again in " + retry + " s.");
            }
        }
        if (windows.size() > 100_000) {
            windows.entrySet().removeIf(e -> now - e.getValue().startMillis > 60_000);
        }
    }
}
