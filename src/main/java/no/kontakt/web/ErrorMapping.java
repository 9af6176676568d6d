package no.kontakt.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kontakt.store.StoreException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error becomes {@code {"error","message"}} JSON with a fitting status, in one place. 4xx are logged at
 * WARN without a stack trace, and so is a body the client aborted or let stall (one line, however many clients do
 * it); anything unexpected is a 500 logged once at ERROR, and no stack trace ever reaches the client.
 */
final class ErrorMapping {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    static void register(RoutesConfig routes) {
        routes.exception(ApiError.class, (e, ctx) -> {
            log.warn("request refused {} {} status={} error={}", ctx.method(), loggable(ctx.path()), e.status(), e.code());
            render(ctx, e.status(), e.code(), e.getMessage());
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            log.warn("request refused {} {} status={}", ctx.method(), loggable(ctx.path()), e.getStatus());
            render(ctx, e.getStatus(), codeOf(e.getStatus()), messageOf(e));
        });
        routes.exception(StoreException.class, (e, ctx) -> {
            log.error("store unavailable {} {}", ctx.method(), loggable(ctx.path()), e);
            render(ctx, 503, "unavailable", "The service cannot store messages right now; try again shortly.");
        });
        routes.exception(Exception.class, (e, ctx) -> {
            Throwable client = quiet ? clientFault(e) : null;
            if (client != null) {
                int status = client instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500 ? h.getCode() : 400;
                log.warn("request aborted {} {} status={} cause={}: {}", ctx.method(), loggable(ctx.path()), status,
                        client.getClass().getSimpleName(), client.getMessage());
                render(ctx, status, status == 408 ? "timeout" : "bad_request", "The request did not arrive whole; send it again.");
                return;
            }
            log.error("unexpected error {} {}", ctx.method(), loggable(ctx.path()), e);
            render(ctx, 500, "internal", "Something went wrong on our side; it has been logged.");
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                render(ctx, 404, "not_found", "There is nothing at " + ctx.method() + " " + ctx.path() + ".");
            }
        });
        routes.error(405, ctx -> render(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path() + "."));
    }

    /** Off only in the test that shows what logging every aborted body with its stack trace looked like. */
    static volatile boolean quiet = true;

    /**
     * The client's fault, not ours: the connection broke or stalled while the body was read (Jetty's EOF, a timeout,
     * a bad message, an I/O error raised inside Jetty). Returns that cause, or null when the error is ours.
     */
    static Throwable clientFault(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EofException || t instanceof java.util.concurrent.TimeoutException
                    || (t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500)) {
                return t;
            }
            if (t instanceof java.io.IOException && t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().startsWith("org.eclipse.jetty.")) {
                return t;
            }
        }
        return null;
    }

    /** A path fit for the log: a web chat session id is a key to its conversation, so it is left out. */
    static String loggable(String path) {
        return path.replaceFirst("^/api/chat/sessions/[^/]+", "/api/chat/sessions/***");
    }

    static void render(Context ctx, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        ctx.status(status).json(body);
    }

    private static String codeOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            default -> status >= 500 ? "internal" : "bad_request";
        };
    }

    private static String messageOf(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> "There is nothing here.";
            case 413 -> "The request body is too large.";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? "The request was refused." : e.getMessage();
        };
    }
}
