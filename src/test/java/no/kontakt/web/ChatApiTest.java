package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.config.ConfigLoader;
import no.kontakt.store.Json;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.Api;
import no.kontakt.testing.Await;
import no.kontakt.testing.EventStream;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web chat API over real HTTP on a real store: sessions, messages through the same conversation service as
 * SMS, the safety net, staff replies through the outbox to the browser (live, and kept for a browser that was
 * away), limits, and bad input that stores nothing.
 */
class ChatApiTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    @TempDir
    static Path data;
    static MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z")); // Tuesday 10:00 in Oslo
    static RecordingSender sms = new RecordingSender();
    static Kontakt kontakt;
    static HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, JsonNode json, String body, java.net.http.HttpHeaders headers) {}

    @BeforeAll
    static void start() throws Exception {
        var env = TestKontakt.env(data.resolve("store"));
        env.put("KONTAKT_ONCALL_PHONES", "+4799887766");
        String yaml = Files.readString(Path.of("config/kontakt.yaml"))
                .replace("embed_origins: []", "embed_origins: [https://www.kommune.no, https://*.kommune.no]");
        Path file = data.resolve("kontakt.yaml");
        Files.writeString(file, yaml);
        var config = new ConfigLoader(env::get).load(file);
        kontakt = Kontakt.create(config, MapDbStorage.open(data.resolve("store")), env::get, clock,
                new Kontakt.Options(Map.of("sms", sms), null)).serve();
        kontakt.accounts().add("kari", "staff", "a long staff password".toCharArray());
    }

    @AfterAll
    static void stop() {
        kontakt.close();
    }

    @BeforeEach
    void officeHours() {
        clock.set(Instant.parse("2026-11-24T09:00:00Z"));
    }

    static Response send(String host, String method, String path, String body, Map<String, String> headers) {
        var b = HttpRequest.newBuilder(URI.create("http://" + host + ":" + kontakt.port() + path)).timeout(WAIT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = r.body().startsWith("{") ? Json.MAPPER.readTree(r.body()) : null;
            return new Response(r.statusCode(), json, r.body(), r.headers());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path, e);
        }
    }

    static Response post(String path, String json) {
        return send("localhost", "POST", path, json, Map.of("Content-Type", "application/json"));
    }

    static String open(String language) {
        Response r = post("/api/chat/sessions", language == null ? "" : "{\"language\":\"" + language + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    static Response say(String session, String text) {
        return post("/api/chat/sessions/" + session + "/messages", Json.MAPPER.createObjectNode().put("text", text).toString());
    }

    static List<String> texts(Response r) {
        List<String> texts = new ArrayList<>();
        r.json().get("replies").forEach(m -> texts.add(m.get("text").asText()));
        return texts;
    }

    static EventStream events(String session, Map<String, String> headers) {
        return EventStream.open("http://localhost:" + kontakt.port() + "/api/chat/sessions/" + session + "/events", headers);
    }

    static String conversationId(String session) {
        return kontakt.conversations().conversationId("web", session);
    }

    @Test
    void a_session_is_an_unguessable_signed_id_that_stores_nothing() {
        long conversations = kontakt.stores().conversations().count();
        long messages = kontakt.stores().messages().count();
        Response r = post("/api/chat/sessions", "{\"language\":\"sv-SE\"}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("id").asText()).matches("sv-[0-9a-f]{32}-[a-z2-7]{20}");
        assertThat(r.json().get("language").asText()).isEqualTo("sv");
        assertThat(r.json().get("emergency").get("emergency_number").asText()).isEqualTo("113");
        assertThat(r.json().get("emergency").get("crisis_line").asText()).isEqualTo("116 123");
        assertThat(open(null)).startsWith("nb-");
        assertThat(open("de-DE")).as("a language the unit does not offer").startsWith("nb-");
        assertThat(open("no")).startsWith("nb-");
        assertThat(open("en")).isNotEqualTo(open("en"));
        assertThat(kontakt.stores().conversations().count()).isEqualTo(conversations);
        assertThat(kontakt.stores().messages().count()).isEqualTo(messages);
    }

    @Test
    void a_message_gets_the_same_answer_as_an_sms_in_the_response_and_as_events() {
        String reference = new TwilioRequests(kontakt.port()).sms("+4791112233", "hei").body();
        String session = open("nb");
        try (EventStream stream = events(session, Map.of())) {
            Response r = say(session, "hei");
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.json().get("received").get("id").asText()).isEqualTo("0000000001");
            List<String> replies = texts(r);
            assertThat(replies).hasSize(2);
            replies.forEach(text -> assertThat(reference).contains(xml(text)));
            assertThat(r.json().get("language").asText()).isEqualTo("nb");
            assertThat(r.json().get("urgent").asBoolean()).isFalse();
            EventStream.Event first = stream.next(e -> e.type().equals("message"), WAIT);
            assertThat(first.id()).isEqualTo("0000000001");
            assertThat(first.data().get("from").asText()).isEqualTo("citizen");
            for (int i = 0; i < 2; i++) {
                EventStream.Event reply = stream.next(e -> e.type().equals("message"), WAIT);
                assertThat(reply.data().get("from").asText()).isEqualTo("bot");
                assertThat(reply.data().get("text").asText()).isEqualTo(replies.get(i));
                assertThat(reply.id()).isEqualTo(r.json().get("replies").get(i).get("id").asText());
            }
        }
        var conversation = kontakt.stores().conversations().find(conversationId(session)).orElseThrow();
        assertThat(conversation.channel()).isEqualTo("web");
        assertThat(texts(say(session, "1"))).singleElement().asString().startsWith("Hva vil du snakke om?");
    }

    @Test
    void a_contact_request_or_an_ambulant_call_from_the_web_chat_asks_for_the_number_to_call() {
        clock.set(Instant.parse("2026-11-24T09:00:00Z")); // Tuesday 10:00 in Oslo
        String session = open("nb");
        say(session, "hei");
        say(session, "1");
        say(session, "0");
        say(session, "1");
        say(session, "i morgen");
        say(session, "0"); // anonymous
        say(session, "0"); // nothing on what matters now
        assertThat(texts(say(session, "0"))).singleElement().asString().isEqualTo("Hvilket telefonnummer kan vi nå deg på?");
        assertThat(kontakt.stores().contactRequests().all()).noneMatch(r -> r.conversationId().equals(conversationId(session)));
        assertThat(texts(say(session, "12 34"))).singleElement().asString().startsWith("Skriv nummeret med sifre");
        assertThat(texts(say(session, "0047 912 34 567"))).singleElement().asString().startsWith("Takk! Vi ringer deg i morgen.");
        assertThat(kontakt.stores().contactRequests().all()).filteredOn(r -> r.conversationId().equals(conversationId(session)))
                .singleElement().satisfies(r -> assertThat(r.phone()).isEqualTo("+4791234567"));

        clock.set(Instant.parse("2026-11-28T21:15:00Z")); // Saturday 22:15: the ambulant team is on duty
        String night = open("nb");
        say(night, "hei");
        say(night, "3");
        assertThat(texts(say(night, "ja"))).singleElement().asString().isEqualTo("Hvilket telefonnummer kan vi nå deg på?");
        say(night, "nei");
        say(night, "vet ikke");
        assertThat(texts(say(night, "hmm"))).singleElement().asString().startsWith("Uten nummer kan vi ikke ringe deg");
        String other = open("nb");
        say(other, "hei");
        say(other, "3");
        say(other, "ja");
        assertThat(texts(say(other, "98765432"))).singleElement().asString().startsWith("Teamet er varslet");
        assertThat(kontakt.stores().contactRequests().all()).filteredOn(r -> r.conversationId().equals(conversationId(other)))
                .singleElement().satisfies(r -> {
                    assertThat(r.phone()).isEqualTo("98765432");
                    assertThat(r.urgent()).isTrue();
                });
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Test
    void a_retry_with_the_same_message_id_gets_the_stored_answer_and_runs_nothing_twice() {
        String session = open("nb");
        String body = "{\"text\":\"hei\",\"id\":\"client-0001\"}";
        Response first = post("/api/chat/sessions/" + session + "/messages", body);
        long messages = kontakt.stores().messages().count();
        Response again = post("/api/chat/sessions/" + session + "/messages", body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(texts(again)).isEqualTo(texts(first));
        assertThat(kontakt.stores().messages().count()).isEqualTo(messages);
        String other = open("nb");
        Response sameIdElsewhere = post("/api/chat/sessions/" + other + "/messages", body);
        assertThat(sameIdElsewhere.status()).as("another session's id never answers from this one's receipt").isEqualTo(201);
    }

    @Test
    void a_risk_message_in_the_web_chat_gets_the_numbers_at_once_is_urgent_and_alerts_the_on_call_phone() throws Exception {
        clock.set(Instant.parse("2026-11-28T21:30:00Z")); // Saturday 22:30 in Oslo: on duty, and past the alert interval of the other tests
        String session = open("nb");
        say(session, "hei");
        sms.drain();
        Response r = say(session, "jeg vil ikke leve lenger");
        assertThat(r.json().get("urgent").asBoolean()).isTrue();
        assertThat(String.join("\n", texts(r))).contains("113").contains("116 123");
        var conversation = kontakt.stores().conversations().find(conversationId(session)).orElseThrow();
        assertThat(conversation.urgent()).isTrue();
        kontakt.outbox().dispatchDue();
        Await.until("the on-call alert is sent", () -> !sms.sent().isEmpty());
        assertThat(sms.sent()).extracting(m -> m.to()).contains("+4799887766");
        assertThat(sms.sent()).allSatisfy(m -> assertThat(m.body()).doesNotContain("leve"));
        Api staff = new Api(kontakt.port());
        staff.login("kari", "a long staff password");
        assertThat(staff.get("/api/inbox/conversations?filter=urgent").json().get("conversations").findValuesAsText("id"))
                .contains(conversationId(session));
    }

    @Test
    void a_staff_reply_reaches_the_browser_live_and_waits_in_the_store_for_one_that_was_away() {
        String session = open("nb");
        say(session, "hei");
        say(session, "4");
        String id = conversationId(session);
        Api staff = new Api(kontakt.port());
        staff.login("kari", "a long staff password");
        String lastSeen;
        try (EventStream stream = events(session, Map.of())) {
            lastSeen = stream.next(e -> "0000000005".equals(e.id()), WAIT).id();
            assertThat(staff.post("/api/inbox/conversations/" + id + "/takeover", "{}").status()).isEqualTo(200);
            stream.next(e -> e.type().equals("status") && e.data().get("status").asText().equals("taken_over"), WAIT);
            assertThat(staff.post("/api/inbox/conversations/" + id + "/typing", "{}").json().get("browsers").asInt()).isEqualTo(1);
            assertThat(stream.next(e -> e.type().equals("typing"), WAIT).data().get("from").asText()).isEqualTo("staff");
            assertThat(staff.post("/api/inbox/conversations/" + id + "/reply", "{\"text\":\"Hei, jeg heter Kari. Hvordan har du det?\"}").status())
                    .isEqualTo(201);
            EventStream.Event reply = stream.next(e -> e.type().equals("message") && e.data().get("from").asText().equals("staff"), WAIT);
            assertThat(reply.data().get("text").asText()).isEqualTo("Hei, jeg heter Kari. Hvordan har du det?");
            assertThat(reply.data().toString()).doesNotContain("kari");
            lastSeen = reply.id();
        }
        String messageId = id + "/" + lastSeen;
        Await.until("the reply is marked sent", WAIT, () -> "sent".equals(status(messageId)));
        assertThat(post("/api/chat/sessions/" + session + "/received", "{\"upTo\":\"" + lastSeen + "\"}").json().get("delivered").asInt())
                .isGreaterThanOrEqualTo(1);
        assertThat(status(messageId)).as("the page said it has it").isEqualTo("delivered");
        assertThat(sms.sent()).noneMatch(m -> m.body().contains("Kari"));

        assertThat(staff.post("/api/inbox/conversations/" + id + "/reply", "{\"text\":\"Er du der fortsatt?\"}").status()).isEqualTo(201);
        String away = id + "/" + String.format("%010d", Long.parseLong(lastSeen) + 1);
        Await.until("the reply to the absent browser has a status and left the outbox", WAIT,
                () -> status(away) != null && kontakt.stores().outbox().count() == 0);
        assertThat(status(away)).as("the browser left (its connection may take one write unnoticed)").isIn("queued", "sent");
        try (EventStream back = events(session, Map.of("Last-Event-ID", lastSeen))) {
            EventStream.Event kept = back.next(e -> e.type().equals("message"), WAIT);
            assertThat(kept.data().get("text").asText()).isEqualTo("Er du der fortsatt?");
            assertThat(kept.data().get("from").asText()).isEqualTo("staff");
            post("/api/chat/sessions/" + session + "/received", "{\"upTo\":\"" + kept.id() + "\"}");
        }
        assertThat(status(away)).isEqualTo("delivered");
        try (EventStream reload = events(session, Map.of())) {
            List<String> everything = new ArrayList<>();
            while (everything.isEmpty() || !everything.get(everything.size() - 1).equals("Er du der fortsatt?")) {
                everything.add(reload.next(e -> e.type().equals("message"), WAIT).data().get("text").asText());
            }
            assertThat(everything).as("a reload gets the whole conversation, in order").hasSize(7).first().isEqualTo("hei");
        }
    }

    private static String status(String messageId) {
        return kontakt.stores().deliveries().find(messageId).map(d -> d.status()).orElse(null);
    }

    /** A request from another local address (127.0.0.x), over a plain socket: the limits count per address. */
    static Response from(String address, String path, String body) {
        try (var socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(address, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", kontakt.port()), 5000);
            socket.setSoTimeout(10_000);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + bytes.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(9, 12));
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(line.substring(0, colon).strip(), k -> new ArrayList<>()).add(line.substring(colon + 1).strip());
                }
            }
            String text = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            int brace = text.indexOf('{');
            JsonNode json = brace < 0 ? null : Json.MAPPER.readTree(text.substring(brace, text.lastIndexOf('}') + 1));
            return new Response(status, json, text, java.net.http.HttpHeaders.of(headers, (a, b) -> true));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void each_endpoint_is_limited_per_address_with_429_and_retry_after() {
        Response last = null;
        int created = 0;
        for (int i = 0; i < 40; i++) {
            last = from("127.0.0.2", "/api/chat/sessions", "");
            if (last.status() != 201) {
                break;
            }
            created++;
        }
        assertThat(created).isEqualTo(30);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().get("error").asText()).isEqualTo("too_many_requests");
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(post("/api/chat/sessions", "").status()).as("another address is not limited").isEqualTo(201);

        String session = open("nb");
        int answered = 0;
        for (int i = 0; i < 70; i++) {
            last = from("127.0.0.3", "/api/chat/sessions/" + session + "/messages", "{\"text\":\"hei " + i + "\"}");
            if (last.status() != 201) {
                break;
            }
            answered++;
        }
        assertThat(answered).isEqualTo(60);
        assertThat(last.status()).isEqualTo(429);
        assertThat(Integer.parseInt(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
    }

    @Test
    void bad_input_gets_a_4xx_json_error_and_stores_nothing() {
        String session = open("nb");
        String forged = session.substring(0, session.length() - 1) + (session.endsWith("a") ? "b" : "a");
        String otherLanguage = "en" + session.substring(2);
        long conversations = kontakt.stores().conversations().count();
        long messages = kontakt.stores().messages().count();
        long receipts = kontakt.stores().inbound().count();
        String base = "/api/chat/sessions/" + session;
        Object[][] cases = {
                {"POST", "/api/chat/sessions/" + forged + "/messages", "{\"text\":\"hei\"}", 404},
                {"POST", "/api/chat/sessions/" + otherLanguage + "/messages", "{\"text\":\"hei\"}", 404},
                {"POST", "/api/chat/sessions/not-a-session/messages", "{\"text\":\"hei\"}", 404},
                {"POST", base + "/messages", "{\"text\":", 400},
                {"POST", base + "/messages", "[\"hei\"]", 400},
                {"POST", base + "/messages", "{}", 400},
                {"POST", base + "/messages", "{\"text\":\"   \"}", 400},
                {"POST", base + "/messages", "{\"text\":\"\\u0000\\u0007\\u001b\"}", 400},
                {"POST", base + "/messages", "{\"text\":42}", 400},
                {"POST", base + "/messages", "{\"text\":\"" + "x".repeat(1001) + "\"}", 400},
                {"POST", base + "/messages", "{\"text\":\"hei\",\"id\":\"short\"}", 400},
                {"POST", base + "/messages", "{\"text\":\"hei\",\"id\":\"../../etc/passwd\"}", 400},
                {"POST", base + "/messages", "{\"text\":\"" + "x".repeat(70_000) + "\"}", 413},
                {"GET", base + "/messages", null, 404},
                {"POST", base + "/received", "{\"upTo\":\"../1\"}", 400},
                {"POST", "/api/chat/sessions/" + forged + "/received", "{\"upTo\":\"0000000001\"}", 404},
                {"GET", base + "/events", null, 406},
                {"GET", "/api/chat/sessions/" + forged + "/events", null, 404},
                {"POST", "/api/chat/sessions", "{\"language\":[\"nb\"]}", 400},
                {"POST", "/api/chat/sessions", "{\"language\":\"<script>\"}", 400},
                {"POST", "/api/chat/sessions", "not json", 400},
        };
        var logged = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logged.start();
        var errors = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ErrorMapping.class);
        errors.addAppender(logged);
        for (Object[] c : cases) {
            Response r = send("localhost", (String) c[0], (String) c[1], (String) c[2], Map.of("Content-Type", "application/json"));
            String what = c[0] + " " + c[1] + " " + (c[2] == null ? "" : ((String) c[2]).substring(0, Math.min(40, ((String) c[2]).length())));
            assertThat(r.status()).as(what + " -> " + r.body()).isEqualTo(c[3]);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
            assertThat(r.json().get("error").asText()).as(what).isNotBlank();
            assertThat(r.json().get("message").asText()).as(what).isNotBlank();
        }
        errors.detachAppender(logged);
        assertThat(logged.list).isNotEmpty().noneMatch(e -> e.getFormattedMessage().contains(session.substring(3, 35)));
        Response badAfter = send("localhost", "GET", base + "/events", null,
                Map.of("Accept", "text/event-stream", "Last-Event-ID", "1; DROP TABLE"));
        assertThat(badAfter.status()).isEqualTo(400);
        assertThat(kontakt.stores().conversations().count()).isEqualTo(conversations);
        assertThat(kontakt.stores().messages().count()).isEqualTo(messages);
        assertThat(kontakt.stores().inbound().count()).isEqualTo(receipts);
    }

    @Test
    void only_the_chat_page_may_be_framed_and_only_by_the_configured_sites() {
        Response chat = send("localhost", "GET", "/chat", null, Map.of());
        assertThat(chat.status()).isEqualTo(200);
        assertThat(chat.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'self' https://www.kommune.no https://*.kommune.no;");
        assertThat(chat.headers().firstValue("X-Frame-Options")).isEmpty();
        for (String path : List.of("/inbox", "/admin", "/assets/chat.js", "/api/chat/sessions/x/events", "/health")) {
            Response other = send("localhost", "GET", path, null, Map.of());
            assertThat(other.headers().firstValue("Content-Security-Policy").orElseThrow()).as(path).contains("frame-ancestors 'none'");
            assertThat(other.headers().firstValue("X-Frame-Options").orElseThrow()).as(path).isEqualTo("DENY");
        }
    }

    @Test
    void the_page_speaks_the_browsers_language_and_shows_the_configured_numbers_without_script() {
        Response swedish = send("localhost", "GET", "/chat", null, Map.of("Accept-Language", "de-DE, sv-SE;q=0.8, en;q=0.5"));
        assertThat(swedish.body()).contains("<html lang=\"sv\">").contains("Skriv till oss").contains("href=\"tel:113\"")
                .contains("href=\"tel:116123\"").contains("Mental Helse");
        Response asked = send("localhost", "GET", "/chat?lang=nn", null, Map.of("Accept-Language", "en"));
        assertThat(asked.body()).contains("<html lang=\"nn\">").contains("data-explicit-lang=\"true\"");
        Response unknown = send("localhost", "GET", "/chat", null, Map.of("Accept-Language", "fr-FR, de;q=0.9"));
        assertThat(unknown.body()).contains("<html lang=\"nb\">");
        assertThat(send("localhost", "GET", "/assets/embed.js", null, Map.of()).body()).contains("/chat?embed=1");
    }

    @Test
    void embed_origins_are_checked_at_start_up() throws Exception {
        var loader = new ConfigLoader(Map.<String, String>of()::get);
        Path file = data.resolve("embed.yaml");
        for (String bad : List.of("https://www.kommune.no/chat", "*", "'none'", "https://www.kommune.no; script-src *",
                "http://www.kommune.no", "www.kommune.no", "https://WWW.kommune.no")) {
            Files.writeString(file, "server:\n  embed_origins: [\"" + bad + "\"]\n");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> loader.load(file))
                    .as(bad).hasMessageContaining("server.embed_origins[0]: must be a site's origin");
        }
        Files.writeString(file, "server:\n  embed_origins: [https://kommune.no:8443, http://localhost:8080]\n");
        assertThat(loader.load(file).server().embedOrigins()).containsExactly("https://kommune.no:8443", "http://localhost:8080");
    }
}
