package no.kontakt.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.inbox.Staff;
import no.kontakt.store.Json;
import no.kontakt.testing.Api;
import no.kontakt.testing.Await;
import no.kontakt.testing.EmbeddedPostgresServer;
import no.kontakt.testing.EventStream;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one PostgreSQL schema, as behind a load balancer without sticky sessions: what is committed on one
 * reaches the staff streams and the citizens' chat streams on the other (once on its own), a login on one works on the
 * other, and a publish on one runs on the other.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class InstancesLearnFromEachOtherTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    private static EmbeddedPostgresServer server;

    @TempDir
    static Path dataA;
    @TempDir
    static Path dataB;
    static Kontakt a;
    static Kontakt b;

    @BeforeAll
    static void twoInstances() {
        server = EmbeddedPostgresServer.start();
        String url = server.newSchemaUrl();
        a = start(dataA, url);
        b = start(dataB, url);
        a.accounts().add("kari", "staff", "a long staff password".toCharArray());
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static Kontakt start(Path data, String url) {
        Map<String, String> env = TestKontakt.withoutSecondFactor(TestKontakt.env(data));
        env.put("KONTAKT_DATABASE_URL", url);
        env.put("KONTAKT_DATABASE_USER", EmbeddedPostgresServer.USER);
        env.put("KONTAKT_DATABASE_PASSWORD", EmbeddedPostgresServer.PASSWORD);
        return Kontakt.start(TestKontakt.config(env), env::get, Clock.systemUTC());
    }

    private static Map<String, String> bearer(Api api) {
        return Map.of("Authorization", "Bearer " + api.token());
    }

    @Test
    void an_sms_on_one_instance_reaches_staff_on_the_other_and_its_own_staff_once() throws Exception {
        Api onA = new Api(a.port());
        assertThat(onA.login("kari", "a long staff password").status()).isEqualTo(200);
        Api onB = new Api(b.port());
        onB.login("kari", "a long staff password");
        try (EventStream staffOnA = EventStream.open("http://localhost:" + a.port() + "/api/inbox/events", bearer(onA));
             EventStream staffOnB = EventStream.open("http://localhost:" + b.port() + "/api/inbox/events", bearer(onB))) {
            String sid = TwilioRequests.newSid();
            HttpResponse<String> r = new TwilioRequests(a.port()).post("/twilio/sms", TwilioRequests.sms(sid, "+4791234567", "hei"));
            assertThat(r.statusCode()).isEqualTo(200);
            String conversation = a.stores().inbound().find(sid).orElseThrow().conversationId();

            EventStream.Event heard = staffOnB.next(e -> conversation.equals(e.data().path("conversation").asText()), WAIT);
            assertThat(heard.type()).isEqualTo("message");
            assertThat(heard.data().toString()).doesNotContain("hei").doesNotContain("91234567"); // ids only
            b.inbox().takeover(conversation, new Staff("kari", "staff")); // told after A's, so A's echo would come before it
            List<EventStream.Event> toldOnA = new java.util.ArrayList<>();
            while (toldOnA.isEmpty() || !toldOnA.get(toldOnA.size() - 1).type().equals("changed")) {
                toldOnA.add(staffOnA.next(e -> conversation.equals(e.data().path("conversation").asText()), WAIT));
            }
            assertThat(toldOnA).extracting(EventStream.Event::type).as("the instance that published tells its own staff once")
                    .containsExactly("message", "changed");
        }
    }

    @Test
    void a_citizen_streaming_from_one_instance_hears_what_is_done_on_the_other() throws Exception {
        String session = Json.MAPPER.readTree(post(a, "/api/chat/sessions", "{\"language\":\"nb\"}")).get("id").asText();
        try (EventStream browserOnB = EventStream.open("http://localhost:" + b.port() + "/api/chat/sessions/" + session + "/events", Map.of())) {
            post(a, "/api/chat/sessions/" + session + "/messages", "{\"text\":\"hei\"}");
            browserOnB.next(e -> e.type().equals("message") && "bot".equals(e.data().path("from").asText()), WAIT);

            String conversation = a.conversations().conversationId("web", session);
            Api staffOnA = new Api(a.port());
            staffOnA.login("kari", "a long staff password");
            Api staffOnB = new Api(b.port());
            staffOnB.login("kari", "a long staff password");
            assertThat(staffOnB.post("/api/inbox/conversations/" + conversation + "/takeover", "{}").status()).isEqualTo(200);
            browserOnB.next(e -> e.type().equals("status") && e.data().path("status").asText().equals("taken_over"), WAIT);
            staffOnA.post("/api/inbox/conversations/" + conversation + "/typing", "{}");
            browserOnB.next(e -> e.type().equals("typing"), WAIT);
            assertThat(staffOnA.post("/api/inbox/conversations/" + conversation + "/reply", "{\"text\":\"Hei, jeg heter Kari.\"}").status()).isEqualTo(201);
            EventStream.Event reply = browserOnB.next(e -> e.type().equals("message") && "staff".equals(e.data().path("from").asText()), WAIT);
            assertThat(reply.data().get("text").asText()).isEqualTo("Hei, jeg heter Kari.");
        }
    }

    @Test
    void a_login_on_one_instance_works_on_the_other_with_its_cookie_and_csrf_token() throws Exception {
        HttpResponse<String> login = send(a, "POST", "/api/login", "{\"username\":\"kari\",\"password\":\"a long staff password\"}",
                Map.of("Content-Type", "application/json"));
        assertThat(login.statusCode()).isEqualTo(200);
        var json = Json.MAPPER.readTree(login.body());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = json.get("csrf").asText();

        assertThat(send(b, "GET", "/api/inbox/conversations", null, Map.of("Authorization", "Bearer " + json.get("token").asText())).statusCode())
                .isEqualTo(200);
        String path = "/api/inbox/conversations/nb-unknown/takeover";
        assertThat(send(b, "POST", path, "{}", Map.of("Content-Type", "application/json", "Cookie", cookie)).statusCode())
                .as("without the CSRF token").isEqualTo(403);
        assertThat(send(b, "POST", path, "{}", Map.of("Content-Type", "application/json", "Cookie", cookie, "X-CSRF-Token", csrf)).statusCode())
                .as("signed in, past the CSRF check, to a conversation that is not there").isEqualTo(404);
        assertThat(send(b, "POST", "/api/logout", "{}", Map.of("Content-Type", "application/json", "Cookie", cookie, "X-CSRF-Token", csrf)).statusCode())
                .isBetween(200, 204);
        assertThat(send(a, "GET", "/api/inbox/conversations", null, Map.of("Cookie", cookie)).statusCode())
                .as("signed out on B is signed out on A").isEqualTo(401);
    }

    @Test
    void a_setting_changed_on_one_instance_is_in_force_on_the_other() {
        String yaml = a.services().settings().yaml("emergency").orElseThrow();
        String changed = yaml.replace("Mental Helse", "Mental Helse Døgn");
        assertThat(changed).isNotEqualTo(yaml);
        a.services().settings().put("emergency", changed, new Staff("ola", "admin"));
        Await.until("B has A's emergency numbers", WAIT, () -> b.services().emergency().toString().contains("Mental Helse Døgn"));
    }

    @Test
    @org.junit.jupiter.api.Order(1) // first: long before B's periodic check (every 30 s) would find it without the signal
    void a_script_published_on_one_instance_runs_on_the_other() {
        String name = "contact";
        int before = b.conversations().engine().library().latest(name).version();
        Staff ola = new Staff("ola", "admin");
        a.scripts().saveDraft(name, a.scripts().live(name).orElseThrow().yaml(), ola);
        Object published = a.scripts().publish(name, ola);
        assertThat(published).isInstanceOf(no.kontakt.admin.ScriptAdmin.Published.class);
        Await.until("B runs A's new version", WAIT, () -> b.conversations().engine().library().latest(name).version() == before + 1);
    }

    static String post(Kontakt k, String path, String json) {
        HttpResponse<String> r = send(k, "POST", path, json, Map.of("Content-Type", "application/json"));
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return r.body();
    }

    static HttpResponse<String> send(Kontakt k, String method, String path, String body, Map<String, String> headers) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + k.port() + path)).timeout(WAIT)
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path, e);
        }
    }
}
