package no.kontakt.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before a request reaches Javalin (an illegal URI, a broken header): the same
 * {@code {"error","message"}} JSON as every other error, never an HTML page or a stack trace.
 */
final class JettyErrors extends ErrorHandler {
    /** Every method gets the JSON error (Jetty writes a body only for GET, POST and HEAD by default). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        String code4 = code == 400 ? "bad_request" : code == 404 ? "not_found" : code == 413 ? "too_large" : code == 414 ? "uri_too_long"
                : code == 431 ? "headers_too_large" : code >= 500 ? "internal" : "bad_request";
        String text = code >= 500 ? "Something went wrong on our side; it has been logged." : "The request is not valid HTTP that Kontakt can read.";
        String json = "{\"error\":\"" + code4 + "\",\"message\":\"" + text + "\"}";
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // Jetty closes the connection after an error it answers itself: say so, or a client reuses it and finds it shut.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
