package no.kontakt.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import no.kontakt.store.Json;

/** A JSON client for the staff API: logs in and sends the bearer token (or the cookie and CSRF token). */
public final class Api {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String token;
    private String cookie;
    private String csrf;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public record Response(int status, JsonNode json, String body, java.net.http.HttpHeaders headers) {}

    public Response login(String username, String password) {
        return login(username, password, null);
    }

    /** A login with the second factor's code (null: none sent). */
    public Response login(String username, String password, String code) {
        Response r = send("POST", "/api/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\""
                + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}", false);
        if (r.status() == 200) {
            token = r.json().get("token").asText();
            csrf = r.json().get("csrf").asText();
            cookie = r.headers().firstValue("Set-Cookie").orElse("").split(";")[0];
        }
        return r;
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send("GET", path, null, true);
    }

    public Response post(String path, String json) {
        return send("POST", path, json, true);
    }

    /** With the session cookie instead of the bearer token; {@code withCsrf} adds the CSRF header. */
    public Response postWithCookie(String path, String json, boolean withCsrf) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json").header("Cookie", cookie);
        if (withCsrf) {
            b.header("X-CSRF-Token", csrf);
        }
        return exchange(b.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Response anonymous(String method, String path) {
        return send(method, path, method.equals("GET") ? null : "{}", false);
    }

    public Response send(String method, String path, String json, boolean authenticated) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        if (authenticated && token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return exchange(b.build());
    }

    private Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            if (r.body() != null && (r.body().startsWith("{") || r.body().startsWith("["))) {
                json = Json.MAPPER.readTree(r.body());
            }
            return new Response(r.statusCode(), json, r.body(), r.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
