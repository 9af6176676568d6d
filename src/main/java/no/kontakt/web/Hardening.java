package no.kontakt.web;

import io.javalin.http.Context;

/**
 * Security headers on every response (no framing, no sniffing, no referrer, a strict content policy; HSTS
 * behind TLS), and {@code Cache-Control: no-store} on the API and webhooks ({@link RouteLimits} holds the
 * per-address limits). Only the web
 * chat ({@code /chat}) may be framed, and only by this server and the configured {@code server.embed_origins}.
 */
final class Hardening {
    /** The content security policy of every page but the chat: this origin only, never framed. */
    static final String PAGE_POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final boolean https;
    private final String chatFrameAncestors;

    Hardening(boolean https, java.util.List<String> embedOrigins) {
        this.https = https;
        this.chatFrameAncestors = String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("'self'"),
                embedOrigins.stream()).toList());
    }

    /**
     * The page policy that also admits {@code <style>} elements carrying this nonce (and no other inline style):
     * the admin page's editor (CodeMirror) writes its base styles into one. Scripts stay {@code 'self'} only.
     */
    static String pagePolicyWithStyleNonce(String nonce) {
        return PAGE_POLICY + "; style-src 'self' 'nonce-" + nonce + "'";
    }

    void headers(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (ChatPage.PATH.equals(ctx.path())) {
            ctx.header("Content-Security-Policy", "default-src 'self'; frame-ancestors " + chatFrameAncestors
                    + "; base-uri 'none'; form-action 'self'");
        } else {
            ctx.header("Content-Security-Policy", PAGE_POLICY);
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
}
