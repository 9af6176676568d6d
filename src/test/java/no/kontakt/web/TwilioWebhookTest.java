package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.store.Message;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Twilio webhook over real HTTP, on a real MapDB store, with signatures checked. */
class TwilioWebhookTest {
    @TempDir
    Path dataDir;
    Kontakt kontakt;
    TwilioRequests twilio;

    @BeforeEach
    void start() {
        kontakt = TestKontakt.start(dataDir, Clock.systemUTC());
        twilio = new TwilioRequests(kontakt.port());
    }

    @AfterEach
    void stop() {
        kontakt.close();
    }

    private long storedMessages() {
        return kontakt.stores().messages().count();
    }

    @Test
    void a_signed_message_gets_twiml_after_it_is_stored() {
        String sid = TwilioRequests.newSid();
        HttpResponse<String> response = twilio.post("/twilio/sms", TwilioRequests.sms(sid, "+4791234567", "hei"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml; charset=utf-8");
        assertThat(response.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message");
        var receipt = kontakt.stores().inbound().find(sid).orElseThrow();
        Message in = kontakt.stores().messages().find(receipt.messageId()).orElseThrow();
        assertThat(in.body()).isEqualTo("hei");
        assertThat(in.providerSid()).isEqualTo(sid);
        assertThat(response.body()).contains("Dette er Kontakt");
        assertThat(kontakt.stores().messages().ofConversation(receipt.conversationId())).hasSize(1 + receipt.replies().size());
        assertThat(receipt.conversationId()).doesNotContain("91234567");
    }

    @Test
    void a_wrong_or_missing_signature_gets_403_and_stores_nothing() {
        Map<String, String> params = TwilioRequests.sms(TwilioRequests.newSid(), "+4791234567", "hei");
        String form = TwilioRequests.form(params);
        HttpResponse<String> wrong = twilio.post("/twilio/sms", form, TwilioRequests.sign("not-the-token", TwilioRequests.PUBLIC_URL + "/twilio/sms", params));
        HttpResponse<String> missing = twilio.post("/twilio/sms", form, null);
        HttpResponse<String> otherUrl = twilio.post("/twilio/sms", form, TwilioRequests.sign(TwilioRequests.AUTH_TOKEN, "http://localhost/twilio/sms", params));

        for (HttpResponse<String> r : new HttpResponse[] {wrong, missing, otherUrl}) {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            assertThat(r.body()).contains("\"error\":\"forbidden\"").contains("X-Twilio-Signature");
        }
        assertThat(storedMessages()).isZero();
        assertThat(kontakt.stores().inbound().count()).isZero();
    }

    @Test
    void the_same_message_sid_twice_is_stored_once_and_answered_identically() {
        Map<String, String> params = TwilioRequests.sms(TwilioRequests.newSid(), "+4791234567", "hei");
        HttpResponse<String> first = twilio.post("/twilio/sms", params);
        long afterFirst = storedMessages();
        HttpResponse<String> second = twilio.post("/twilio/sms", params);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(storedMessages()).isEqualTo(afterFirst);
        assertThat(kontakt.stores().inbound().count()).isEqualTo(1);
    }

    @Test
    void nordic_letters_and_emoji_round_trip_byte_exact() {
        String body = "Hei, jeg heter Åse Ødegård – ÆØÅ æøå 😀🙏";
        String sid = TwilioRequests.newSid();
        HttpResponse<String> response = twilio.post("/twilio/sms", TwilioRequests.sms(sid, "+4791234567", body));

        assertThat(response.statusCode()).isEqualTo(200);
        var receipt = kontakt.stores().inbound().find(sid).orElseThrow();
        String stored = kontakt.stores().messages().find(receipt.messageId()).orElseThrow().body();
        assertThat(stored.getBytes(StandardCharsets.UTF_8)).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void replies_with_nordic_letters_and_emoji_reach_the_twiml_byte_exact() {
        // The reply text travels through the store and the TwiML rendering: check it with a reply that has them.
        String sid = TwilioRequests.newSid();
        twilio.post("/twilio/sms", TwilioRequests.sms(sid, "+4791234567", "hei"));
        String reply = kontakt.stores().inbound().find(sid).orElseThrow().replies().get(0);
        HttpResponse<byte[]> raw = rawPost(TwilioRequests.sms(sid, "+4791234567", "hei"));
        assertThat(new String(raw.body(), StandardCharsets.UTF_8)).contains(reply);
        assertThat(no.kontakt.channel.twilio.TwiML.render(java.util.List.of("æøå ÆØÅ 😀 <&>"), i -> null))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>æøå ÆØÅ 😀 &lt;&amp;&gt;</Message></Response>");
    }

    @Test
    void a_missing_field_is_named_in_a_400_and_nothing_is_stored() {
        for (String field : new String[] {"From", "To", "MessageSid"}) {
            Map<String, String> params = new java.util.LinkedHashMap<>(TwilioRequests.sms(TwilioRequests.newSid(), "+4791234567", "hei"));
            params.remove(field);
            HttpResponse<String> response = twilio.post("/twilio/sms", params);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"error\":\"bad_request\",\"message\":\"The form field " + field + " is missing.\"}");
        }
        assertThat(storedMessages()).isZero();
    }

    static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    @Test
    void a_bad_sid_account_or_number_format_gets_400_and_nothing_is_stored() {
        String[][] cases = {{"MessageSid", "SM123"}, {"MessageSid", "XX" + "a".repeat(32)}, {"MessageSid", "SM" + "g".repeat(32)},
                {"AccountSid", "AC123"}, {"AccountSid", "AC" + "a".repeat(32) + "NumMedia0"}, {"From", "91234567"}, {"From", "+47 912 34 567"},
                {"To", "+0123"}, {"To", "kontakt"}};
        for (String[] c : cases) {
            Map<String, String> params = new java.util.LinkedHashMap<>(TwilioRequests.sms(TwilioRequests.newSid(), "+4791234567", "hei"));
            params.put(c[0], c[1]);
            HttpResponse<String> response = twilio.post("/twilio/sms", params);
            assertThat(response.statusCode()).as(c[0] + "=" + c[1]).isEqualTo(400);
            assertThat(response.body()).contains("\"error\":\"bad_request\"").contains("The form field " + c[0] + " must be");
        }
        for (Map<String, String> status : java.util.List.of(
                Map.of("MessageSid", "SMout1", "MessageStatus", "delivered", "AccountSid", "AC" + "a".repeat(32)),
                Map.of("MessageSid", "SM" + "1".repeat(32), "MessageStatus", "owned", "AccountSid", "AC" + "a".repeat(32)),
                Map.of("MessageSid", "SM" + "1".repeat(32), "MessageStatus", "delivered", "AccountSid", "AC1"))) {
            assertThat(twilio.post("/twilio/status?m=x", status).statusCode()).as(status.toString()).isEqualTo(400);
        }
        assertThat(storedMessages()).isZero();
        assertThat(kontakt.stores().inbound().count()).isZero();
    }

    @Test
    void a_replay_that_shifts_field_boundaries_keeps_a_valid_signature_but_is_refused() {
        String sid = TwilioRequests.newSid();
        Map<String, String> original = TwilioRequests.sms(sid, "+4791234567", "hei");
        String url = TwilioRequests.PUBLIC_URL + "/twilio/sms";
        String signature = TwilioRequests.sign(TwilioRequests.AUTH_TOKEN, url, original);
        assertThat(twilio.post("/twilio/sms", TwilioRequests.form(original), signature).statusCode()).isEqualTo(200);
        long stored = storedMessages();

        // "MessageSid" + sid + "NumMedia" + "0" is signed the same as "MessageSid" + (sid + "NumMedia0"): a new, unseen SID.
        Map<String, String> shifted = new java.util.LinkedHashMap<>(original);
        shifted.remove("NumMedia");
        shifted.put("MessageSid", sid + "NumMedia0");
        assertThat(new no.kontakt.channel.twilio.TwilioSignature(TwilioRequests.AUTH_TOKEN).isValid(url, shifted, signature))
                .as("the attack: the old signature still fits").isTrue();

        HttpResponse<String> replay = twilio.post("/twilio/sms", TwilioRequests.form(shifted), signature);
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("MessageSid");
        assertThat(storedMessages()).isEqualTo(stored);
        assertThat(kontakt.stores().inbound().count()).isEqualTo(1);
    }

    @Test
    void with_advanced_opt_out_the_state_follows_opt_out_type_and_the_twiml_is_empty() {
        String from = "+4791113333";
        twilio.sms(from, "hei");
        // CANCEL and YES are Twilio's keywords, not Kontakt's: OptOutType says what Twilio made of them.
        assertThat(optOut(from, "CANCEL", "STOP").body()).as("Twilio has answered").isEqualTo(EMPTY);
        assertThat(twilio.sms(from, "hallo?").body()).as("opted out: nothing more").isEqualTo(EMPTY);
        assertThat(optOut(from, "YES", "START").body()).isEqualTo(EMPTY);
        assertThat(twilio.sms(from, "hallo?").body()).as("opted in again").contains("<Message");
        assertThat(optOut(from, "INFO", "HELP").body()).isEqualTo(EMPTY);
        // Without OptOutType (Advanced Opt-Out off), Kontakt answers STOPP itself.
        assertThat(twilio.sms(from, "STOPP").body()).contains("Du får ikke flere meldinger");
    }

    private HttpResponse<String> optOut(String from, String body, String type) {
        Map<String, String> params = new java.util.LinkedHashMap<>(TwilioRequests.sms(TwilioRequests.newSid(), from, body));
        params.put("OptOutType", type);
        return twilio.post("/twilio/sms", params);
    }

    @Test
    void a_body_over_64_kib_gets_413_and_nothing_is_stored() {
        Map<String, String> params = TwilioRequests.sms(TwilioRequests.newSid(), "+4791234567", "x".repeat(70_000));
        HttpResponse<String> response = twilio.post("/twilio/sms", params);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"error\":\"too_large\"");
        assertThat(storedMessages()).isZero();
    }

    @Test
    void a_status_callback_records_delivery_and_never_rolls_back() {
        String sid = TwilioRequests.newSid();
        String twiml = twilio.post("/twilio/sms", TwilioRequests.sms(sid, "+4791234567", "hei")).body();
        String replyId = kontakt.stores().inbound().find(sid).orElseThrow().replyIds().get(0);
        String query = twiml.replaceAll("(?s)^.*?action=\"[^\"]*(/twilio/status\\?m=[^\"]+)\".*", "$1");
        assertThat(query).startsWith("/twilio/status?m=");

        for (String status : new String[] {"sent", "delivered", "sent"}) {
            var r = twilio.post(query, Map.of("MessageSid", "SM" + "0".repeat(31) + "1", "MessageStatus", status, "AccountSid", "AC" + "a".repeat(32)));
            assertThat(r.statusCode()).isEqualTo(204);
        }
        assertThat(kontakt.stores().deliveries().find(replyId).orElseThrow().status()).isEqualTo("delivered");
    }

    @Test
    void errors_are_json_and_health_is_ok() {
        assertThat(twilio.get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
        HttpResponse<String> notFound = twilio.get("/nothing-here");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("\"error\":\"not_found\"");
        HttpResponse<String> badForm = twilio.post("/twilio/sms", "Body=%E6%zz", "x");
        assertThat(badForm.statusCode()).isEqualTo(400);
        assertThat(badForm.body()).contains("\"error\":\"bad_request\"");
    }

    @Test
    void after_stop_the_webhook_answers_nothing_until_start() {
        String from = "+4791112222";
        twilio.sms(from, "hei");
        assertThat(twilio.sms(from, "STOPP").body()).contains("Du får ikke flere meldinger").contains("113");
        assertThat(twilio.sms(from, "1").body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        assertThat(twilio.sms(from, "hallo?").body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
        assertThat(kontakt.stores().outbox().count()).isZero();
        assertThat(twilio.sms(from, "START").body()).contains("Velkommen tilbake").contains("Svar med et tall");
    }

    @Test
    void responses_carry_security_headers_and_the_api_is_never_cached() {
        HttpResponse<String> health = twilio.get("/health");
        assertThat(health.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(health.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        HttpResponse<String> sms = twilio.sms("+4791234567", "hei");
        assertThat(sms.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(sms.headers().firstValue("Strict-Transport-Security")).isPresent(); // the public URL is https
    }

    @Test
    void logins_from_one_address_are_limited_with_retry_after() {
        int limited = 0;
        for (int i = 0; i < 35; i++) {
            HttpResponse<String> r = twilio.send(java.net.http.HttpRequest.newBuilder(URI.create("http://localhost:" + kontakt.port() + "/api/login"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"username\":\"nobody" + i + "\",\"password\":\"x\"}")).build());
            if (r.statusCode() == 429) {
                limited++;
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
                // the route limit (30 a minute) or the login back-off per address, whichever comes first
                assertThat(r.body()).containsAnyOf("\"error\":\"too_many_requests\"", "\"error\":\"too_many_attempts\"", "\"error\":\"locked\"");
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(5);
    }

    @Test
    void a_flood_from_one_number_makes_the_bot_quiet_for_it_and_tells_staff_but_twilio_always_gets_200() {
        String from = "+4791119999";
        int silent = 0;
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = twilio.sms(from, "spam " + i);
            assertThat(r.statusCode()).isEqualTo(200);
            if (r.body().endsWith("<Response/>")) {
                silent++;
            }
        }
        assertThat(silent).isGreaterThanOrEqualTo(10);
        String id = kontakt.conversations().conversationId("sms", from);
        assertThat(kontakt.stores().conversations().find(id).orElseThrow().status()).isEqualTo("waiting");
        assertThat(kontakt.stores().staff().events(id)).anyMatch(e -> e.type().equals("flood"));
        assertThat(kontakt.stores().messages().ofConversation(id).stream().filter(m -> m.direction() == Message.Direction.IN)).hasSize(30);
        assertThat(twilio.sms(from, "jeg vil ikke leve lenger").body()).contains("113");
    }

    @Test
    void metrics_are_scraped_in_prometheus_text() {
        twilio.sms("+4791234567", "hei");
        twilio.sms("+4791234568", "jeg vil ikke leve lenger");
        HttpResponse<String> metrics = twilio.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body()).contains("kontakt_messages_in_total 2.0").contains("kontakt_webhook_latency_seconds_bucket")
                .contains("kontakt_outbox_depth").contains("kontakt_urgent_open 1.0").contains("kontakt_sms_segments_total")
                .contains("jvm_memory_used_bytes").doesNotContain("91234567");
    }

    @Test
    void health_is_503_once_the_store_is_closed() {
        kontakt.stores().close();
        HttpResponse<String> response = twilio.get("/health");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"unavailable\"}");
    }

    private HttpResponse<byte[]> rawPost(Map<String, String> params) {
        try {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + kontakt.port() + "/twilio/sms"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Twilio-Signature", TwilioRequests.sign(TwilioRequests.AUTH_TOKEN, TwilioRequests.PUBLIC_URL + "/twilio/sms", params))
                    .POST(HttpRequest.BodyPublishers.ofString(TwilioRequests.form(params))).build();
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
