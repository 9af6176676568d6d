package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.store.Json;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rate limits per route class and trusted proxies, over real HTTP from several local addresses. One server has small
 * limits and trusts 127.0.0.1 as its reverse proxy; the other has the limits switched off and trusts no proxy,
 * where the same traffic is never refused, and where clients behind a proxy share one limit.
 */
class RouteLimitsTest {
    static final int LIMIT = 5;
    @TempDir
    static Path dir;
    static Kontakt limited;
    static Kontakt off;

    @BeforeAll
    static void start() {
        limited = Hostile.start(dir.resolve("limited"), "trusted_proxies: 127.0.0.1/32\n"
                + "limits: {webhook: 5, unsigned: 5, chat_open: 5, chat: 5, login: 5, staff: 5}");
        off = Hostile.start(dir.resolve("off"), "limits: {webhook: 0, unsigned: 0, chat_open: 5, chat: 0, login: 0, staff: 0}");
    }

    @AfterAll
    static void stop() {
        limited.close();
        off.close();
    }

    /** Sends the same request LIMIT + 1 times from one address; the statuses. */
    static List<Hostile.Answer> burst(Kontakt k, String from, String method, String path, String headers, String body) {
        List<Hostile.Answer> answers = new ArrayList<>();
        for (int i = 0; i <= LIMIT; i++) {
            answers.add(Hostile.request(from, k.port(), method, path, headers, body));
        }
        return answers;
    }

    static void limitedOnTheLast(List<Hostile.Answer> answers, String what) {
        assertThat(answers.subList(0, LIMIT)).as(what).noneMatch(a -> a.status() == 429);
        Hostile.Answer last = answers.get(LIMIT);
        assertThat(last.status()).as(what).isEqualTo(429);
        assertThat(last.header("Content-Type")).startsWith("application/json");
        assertThat(last.body()).contains("\"error\":\"too_many_requests\"").contains("\"message\"");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
    }

    static String signed(String sid, String url) {
        Map<String, String> p = TwilioRequests.sms(sid, "+4791234567", "hei");
        return "Content-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: " + TwilioRequests.sign(TwilioRequests.AUTH_TOKEN, url, p) + "\r\n";
    }

    @Test
    void each_route_class_is_limited_per_address_with_429_json_and_retry_after_and_not_when_switched_off() throws Exception {
        String sms = TwilioRequests.form(TwilioRequests.sms("SM" + "c".repeat(32), "+4791234567", "hei"));
        String form = "Content-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: wrong\r\n";
        String signedHeaders = signed("SM" + "c".repeat(32), TwilioRequests.PUBLIC_URL + "/twilio/sms");
        String json = "Content-Type: application/json\r\n";
        for (Kontakt k : List.of(limited, off)) {
            String session = Json.MAPPER.readTree(Hostile.request("127.0.0.9", k.port(), "POST", "/api/chat/sessions", json, "").body()).get("id").asText();
            Map<String, List<Hostile.Answer>> bursts = Map.of(
                    "unsigned", burst(k, "127.0.0.71", "POST", "/twilio/sms", form, sms),
                    "webhook", burst(k, "127.0.0.72", "POST", "/twilio/sms", signedHeaders, sms),
                    "chat_open", burst(k, "127.0.0.73", "POST", "/api/chat/sessions", json, ""),
                    "chat", burst(k, "127.0.0.74", "GET", "/api/chat/sessions/" + session + "/events", "", null),
                    "staff", burst(k, "127.0.0.75", "GET", "/api/inbox/conversations", "", null));
            for (var e : bursts.entrySet()) {
                if (k == limited) {
                    limitedOnTheLast(e.getValue(), e.getKey());
                } else if (!e.getKey().equals("chat_open")) { // kept on there for the proxy test
                    assertThat(e.getValue()).as(e.getKey() + " with the limit off").noneMatch(a -> a.status() == 429);
                }
            }
            assertThat(bursts.get("unsigned").get(0).status()).isEqualTo(403);
            assertThat(bursts.get("webhook").get(0).status()).isEqualTo(200);
        }
    }

    @Test
    void behind_a_trusted_proxy_each_client_has_its_own_limit_and_from_anyone_else_the_header_is_ignored() {
        String json = "Content-Type: application/json\r\n";
        String open = "/api/chat/sessions";
        // Through the proxy (127.0.0.1, trusted): two clients, each with its own limit.
        limitedOnTheLast(burst(limited, "127.0.0.1", "POST", open, json + "X-Forwarded-For: 203.0.113.7, 127.0.0.1\r\n", ""),
                "client 1 through the proxy");
        assertThat(Hostile.request("127.0.0.1", limited.port(), "POST", open, json + "X-Forwarded-For: 203.0.113.8\r\n", "").status())
                .as("client 2 through the proxy").isEqualTo(201);
        // From an address that is not a proxy, X-Forwarded-For is ignored: a made-up client per request does not help.
        List<Hostile.Answer> spoofed = new ArrayList<>();
        for (int i = 0; i <= LIMIT; i++) {
            spoofed.add(Hostile.request("127.0.0.76", limited.port(), "POST", open, json + "X-Forwarded-For: 192.0.2." + i + "\r\n", ""));
        }
        limitedOnTheLast(spoofed, "spoofed X-Forwarded-For");
        // Without the trusted-proxy setting, everyone behind the proxy shares one limit.
        burst(off, "127.0.0.1", "POST", open, json + "X-Forwarded-For: 203.0.113.7\r\n", "");
        assertThat(Hostile.request("127.0.0.1", off.port(), "POST", open, json + "X-Forwarded-For: 203.0.113.8\r\n", "").status())
                .as("client 2 refused because of client 1").isEqualTo(429);
    }

    @Test
    void the_signature_url_follows_the_scheme_and_host_a_trusted_proxy_forwards() {
        String url = "https://sms.kommune.example/twilio/sms";
        String sms = TwilioRequests.form(TwilioRequests.sms("SM" + "d".repeat(32), "+4791234567", "hei"));
        String forwarded = signed("SM" + "d".repeat(32), url) + "X-Forwarded-Proto: https\r\nX-Forwarded-Host: sms.kommune.example\r\n";
        assertThat(Hostile.request("127.0.0.1", limited.port(), "POST", "/twilio/sms", forwarded, sms).status()).isEqualTo(200);
        assertThat(Hostile.request("127.0.0.77", limited.port(), "POST", "/twilio/sms", forwarded, sms).status())
                .as("the same headers from an untrusted address").isEqualTo(403);
        assertThat(Hostile.request("127.0.0.1", off.port(), "POST", "/twilio/sms", forwarded, sms).status())
                .as("no trusted proxy configured").isEqualTo(403);
    }
}
