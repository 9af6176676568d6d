package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import no.kontakt.Kontakt;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed, truncated, oversized, wrongly encoded and hostile requests to every public endpoint: each gets a
 * 4xx with a JSON error (a request without an HTTP answer is a failure), the server stays up, and nothing is stored.
 */
class FuzzTest {
    static final int REQUESTS = 1200;
    static final List<String> PATHS = List.of("/twilio/sms", "/twilio/status", "/twilio/status?m=x%2F1", "/api/login", "/api/logout",
            "/api/inbox/conversations", "/api/inbox/conversations/sms-abc/reply", "/api/inbox/events", "/api/admin/scripts/main/publish",
            "/api/admin/settings/emergency", "/api/admin/stats", "/twilio/sms/../../etc/passwd", "/api/inbox/conversations/%00",
            "/api/admin/scripts/..%2F..%2Fetc/draft", "/nothing",
            "/api/chat/sessions/nb-00000000000000000000000000000000-aaaaaaaaaaaaaaaaaaaa/messages", "/api/chat/sessions/x/events",
            "/api/chat/sessions/%2e%2e/received");
    @TempDir
    Path data;

    @Test
    void a_thousand_hostile_requests_get_4xx_json_and_store_nothing() throws Exception {
        var env = TestKontakt.env(data);
        try (Kontakt kontakt = Kontakt.create(TestKontakt.config(env), env::get, Clock.systemUTC()).serve()) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            Random random = new Random(4711);
            List<String> bad = new ArrayList<>();
            List<String> paths = new ArrayList<>(PATHS);
            paths.add("/api/chat/sessions/" + chatSession(http, kontakt.port()) + "/messages"); // a real session, hostile bodies
            for (int i = 0; i < REQUESTS; i++) {
                String path = paths.get(random.nextInt(paths.size()));
                String method = List.of("POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH").get(random.nextInt(7));
                byte[] body = body(random, i);
                Hostile.Answer r;
                try {
                    // one connection per request, so that a failure is the server's and not a reused connection's
                    r = Hostile.request("127.0.0.1", kontakt.port(), method, path, headers(random, path), body);
                } catch (java.io.UncheckedIOException e) {
                    bad.add(method + " " + path + " -> no HTTP answer (" + e.getCause() + ")");
                    continue;
                }
                boolean json = String.valueOf(r.header("Content-Type")).startsWith("application/json") && r.body().contains("\"error\"");
                if (r.status() < 400 || r.status() >= 500 || !json) {
                    bad.add(method + " " + path + " -> " + (r.status() < 0 ? "no HTTP answer" : r.status() + " "
                            + r.body().substring(0, Math.min(120, r.body().length()))));
                }
            }
            assertThat(bad).as("requests that did not get a 4xx JSON error").isEmpty();
            assertThat(new TwilioRequests(kontakt.port()).get("/health").statusCode()).isEqualTo(200);
            assertThat(kontakt.stores().conversations().count()).isZero();
            assertThat(kontakt.stores().messages().count()).isZero();
            assertThat(kontakt.stores().inbound().count()).isZero();
            assertThat(kontakt.stores().staff().users()).isEmpty();
            System.out.println("fuzz: " + REQUESTS + " hostile requests, all 4xx JSON, nothing stored");
        }
    }

    private static String chatSession(HttpClient http, int port) throws Exception {
        var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/chat/sessions"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return no.kontakt.store.Json.MAPPER.readTree(r.body()).get("id").asText();
    }

    private static byte[] body(Random random, int i) {
        String valid = TwilioRequests.form(TwilioRequests.sms("SM" + "a".repeat(32), "+4791234567", "hei"));
        String text = switch (i % 12) {
            case 0 -> "";
            case 1 -> valid.substring(0, random.nextInt(valid.length()));
            case 3 -> "Body=%E6%F8%zz&From=%&To=%%%";
            case 4 -> "{\"username\":" + "[".repeat(5000);
            case 5 -> "x".repeat(70_000);
            case 6 -> "{\"username\":\"admin' OR '1'='1\",\"password\":{\"$ne\":null}}";
            case 7 -> valid.replace("hei", "<script>alert(1)</script>%00%0d%0aSet-Cookie: x=y");
            case 9 -> "MessageSid=" + "S".repeat(5000) + "&From=+47&To=+47";
            case 10 -> "{\"text\":\"" + "\\u0000".repeat(100) + "\"}";
            default -> valid;
        };
        if (i % 12 == 2) {
            byte[] b = new byte[random.nextInt(2000)];
            random.nextBytes(b);
            return b;
        }
        if (i % 12 == 8) {
            return new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xA0, (byte) 0xA1};
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String headers(Random random, String path) {
        return switch (random.nextInt(6)) {
            case 0 -> "Content-Type: application/x-www-form-urlencoded\r\n";
            case 1 -> "Content-Type: application/json; charset=latin1\r\n";
            case 2 -> "X-Twilio-Signature: AAAA" + random.nextInt() + "\r\n";
            case 3 -> "Authorization: Bearer " + "x".repeat(random.nextInt(300)) + "\r\n";
            case 4 -> "Cookie: kontakt_session=" + "%00".repeat(20) + "\r\n";
            default -> "X-Forwarded-For: 127.0.0.1, 10.0.0.1\r\nX-Twilio-Signature: "
                    + TwilioRequests.sign("wrong", TwilioRequests.PUBLIC_URL + path, Map.of()) + "\r\n";
        };
    }
}
