package no.kontakt.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import no.kontakt.channel.twilio.TwilioForm;
import no.kontakt.channel.twilio.TwilioSignature;

/**
 * Builds Twilio webhook requests as Twilio sends them: form fields, and the X-Twilio-Signature (HMAC-SHA1 over URL +
 * sorted name/value pairs). The server checks it with the Twilio SDK's {@code RequestValidator}, not with this signer.
 */
public final class TwilioRequests {
    public static final String AUTH_TOKEN = "12345678901234567890123456789012";
    public static final String PUBLIC_URL = "https://kontakt.example.no";
    private static final AtomicLong SIDS = new AtomicLong(System.nanoTime());

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;
    private final String publicUrl;

    public TwilioRequests(int port) {
        this(port, AUTH_TOKEN, PUBLIC_URL);
    }

    public TwilioRequests(int port, String token, String publicUrl) {
        this.base = "http://localhost:" + port;
        this.token = token;
        this.publicUrl = publicUrl;
    }

    public static String newSid() {
        return "SM" + String.format("%032x", SIDS.incrementAndGet());
    }

    /** Twilio's inbound SMS fields for one message. */
    public static Map<String, String> sms(String sid, String from, String body) {
        return TwilioForm.inboundSms(sid, from, "+4759440000", body, "AC" + "a".repeat(32));
    }

    /** The signature Twilio would send; made by the server's signer, checked by the Twilio SDK's validator. */
    public static String sign(String token, String url, Map<String, String> params) {
        return new TwilioSignature(token).sign(url, params);
    }

    public static String form(Map<String, String> params) {
        return TwilioForm.encode(params);
    }

    /** Posts the fields to the path, signed over the public URL. */
    public HttpResponse<String> post(String pathAndQuery, Map<String, String> params) {
        return post(pathAndQuery, form(params), sign(token, publicUrl + pathAndQuery, params));
    }

    public HttpResponse<String> post(String pathAndQuery, String body, String signature) {
        var request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(java.time.Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    public HttpResponse<String> sms(String from, String body) {
        return post("/twilio/sms", sms(newSid(), from, body));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
