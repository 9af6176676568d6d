package no.kontakt.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.Api;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staff inbox over HTTP with real logins, on a real store, with a clock the test moves. */
class InboxApiTest {
    static final String CITIZEN = "+4791234567";
    @TempDir
    Path data;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z")); // Tuesday 10:00 in Oslo
    RecordingSender sms = new RecordingSender();
    Kontakt kontakt;
    TwilioRequests twilio;

    @BeforeEach
    void start() {
        var env = TestKontakt.withoutSecondFactor(TestKontakt.env(data)); // about something else: see SignInTest
        kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", sms), null)).serve();
        kontakt.accounts().add("kari", "staff", "a long staff password".toCharArray());
        kontakt.accounts().add("ola", "admin", "a long admin password".toCharArray());
        twilio = new TwilioRequests(kontakt.port());
    }

    @AfterEach
    void stop() {
        kontakt.close();
    }

    private Api staff() {
        Api api = new Api(kontakt.port());
        assertThat(api.login("kari", "a long staff password").status()).isEqualTo(200);
        return api;
    }

    private String conversationAskingForAPerson() {
        twilio.sms(CITIZEN, "hei");
        twilio.sms(CITIZEN, "4");
        return kontakt.conversations().conversationId("sms", CITIZEN);
    }

    private java.util.List<String> sentTexts() {
        kontakt.outbox().dispatchDue();
        return sms.drain();
    }

    @Test
    void staff_list_the_queue_take_over_reply_note_and_close() {
        String id = conversationAskingForAPerson();
        Api api = staff();

        JsonNode queue = api.get("/api/inbox/conversations?filter=waiting").json().get("conversations");
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).get("id").asText()).isEqualTo(id);
        assertThat(queue.get(0).get("status").asText()).isEqualTo("waiting");
        assertThat(queue.get(0).get("urgent").asBoolean()).isFalse();
        assertThat(queue.get(0).get("address").asText()).isEqualTo("***4567");

        assertThat(api.post("/api/inbox/conversations/" + id + "/takeover", "{}").json().get("status").asText()).isEqualTo("taken_over");
        assertThat(api.post("/api/inbox/conversations/" + id + "/reply", "{\"text\":\"Hei, jeg heter Kari og jobber her. Hva kan jeg hjelpe med?\"}").status()).isEqualTo(201);
        assertThat(sentTexts()).containsExactly("Hei, jeg heter Kari og jobber her. Hva kan jeg hjelpe med?");
        assertThat(sms.sent()).isEmpty();

        // during the takeover the bot is silent …
        assertThat(twilio.sms(CITIZEN, "jeg vil snakke om søvn").body()).endsWith("<Response/>");
        // … except that a risk message still gets the emergency numbers at once
        assertThat(twilio.sms(CITIZEN, "jeg orker ikke mer, vil ikke leve lenger").body()).contains("113");

        assertThat(api.post("/api/inbox/conversations/" + id + "/notes", "{\"text\":\"Ringt opp, avtalt samtale\"}").status()).isEqualTo(201);
        JsonNode view = api.get("/api/inbox/conversations/" + id).json();
        assertThat(view.get("messages").findValuesAsText("body")).contains("jeg vil snakke om søvn", "Hei, jeg heter Kari og jobber her. Hva kan jeg hjelpe med?");
        assertThat(view.get("events").findValuesAsText("type")).contains("takeover", "note", "risk_flagged");
        assertThat(view.get("conversation").get("urgent").asBoolean()).isTrue();

        assertThat(api.post("/api/inbox/conversations/" + id + "/close", "{\"outcome\":\"samtale avtalt\"}").json().get("status").asText()).isEqualTo("closed");
        assertThat(api.get("/api/inbox/conversations?filter=waiting").json().get("conversations")).isEmpty();
        assertThat(api.get("/api/inbox/conversations?filter=closed").json().get("conversations")).hasSize(1);
        assertThat(api.post("/api/inbox/conversations/" + id + "/reopen", "{}").json().get("status").asText()).isEqualTo("waiting");
    }

    @Test
    void urgent_conversations_come_first_and_the_sla_clock_counts_opening_hours_only() {
        conversationAskingForAPerson();
        clock.advance(Duration.ofHours(10)); // 20:00, office closed since 15:30
        twilio.sms("+4791112222", "jeg vil dø");
        JsonNode queue = staff().get("/api/inbox/conversations").json().get("conversations");
        assertThat(queue).hasSize(2);
        assertThat(queue.get(0).get("urgent").asBoolean()).isTrue();
        assertThat(queue.get(1).get("waitedSeconds").asLong()).isEqualTo(10 * 3600);
        assertThat(queue.get(1).get("slaSeconds").asLong()).isEqualTo((long) (5.5 * 3600));
        assertThat(queue.get(1).get("fromEarlierShift").asBoolean()).isTrue();
    }

    @Test
    void without_credentials_401_with_the_wrong_role_403() {
        String id = conversationAskingForAPerson();
        String[][] endpoints = {
                {"GET", "/api/inbox/conversations"}, {"GET", "/api/inbox/conversations/" + id},
                {"POST", "/api/inbox/conversations/" + id + "/takeover"}, {"POST", "/api/inbox/conversations/" + id + "/handback"},
                {"POST", "/api/inbox/conversations/" + id + "/reopen"}, {"POST", "/api/inbox/conversations/" + id + "/close"},
                {"POST", "/api/inbox/conversations/" + id + "/reply"}, {"POST", "/api/inbox/conversations/" + id + "/notes"},
                {"POST", "/api/inbox/conversations/" + id + "/appointments"}, {"GET", "/api/inbox/contact-requests"},
                {"GET", "/api/inbox/appointments"}, {"GET", "/api/inbox/canned-replies"}, {"GET", "/api/inbox/events"},
                {"POST", "/api/logout"}, {"GET", "/api/admin/audit"}, {"PUT", "/api/admin/canned-replies/hello"}};
        Api nobody = new Api(kontakt.port());
        for (String[] e : endpoints) {
            Api.Response r = nobody.anonymous(e[0], e[1]);
            assertThat(r.status()).as(e[0] + " " + e[1]).isEqualTo(401);
            assertThat(r.json().get("error").asText()).isEqualTo("unauthorized");
        }
        Api staff = staff();
        for (String[] e : new String[][] {{"GET", "/api/admin/audit"}, {"PUT", "/api/admin/canned-replies/hello"}}) {
            Api.Response r = staff.send(e[0], e[1], "{\"nb\":\"Hei\"}", true);
            assertThat(r.status()).as(e[0] + " " + e[1]).isEqualTo(403);
            assertThat(r.json().get("error").asText()).isEqualTo("forbidden");
        }
    }

    @Test
    void every_route_that_admits_roles_refuses_no_login_with_401_and_a_role_it_does_not_admit_with_403() throws Exception {
        JsonNode spec = no.kontakt.store.Json.MAPPER.readTree(twilio.get("/openapi.json").body());
        Api nobody = new Api(kontakt.port());
        Api staff = staff();
        int checked = 0;
        for (var path : (Iterable<java.util.Map.Entry<String, JsonNode>>) spec.get("paths")::fields) {
            for (var op : (Iterable<java.util.Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                JsonNode roles = op.getValue().get("x-roles");
                if (roles == null) {
                    continue;
                }
                String method = op.getKey().toUpperCase();
                String url = path.getKey().replace("{id}", "sms-x").replace("{name}", "main").replace("{offer}", "x").replace("{username}", "kari");
                Api.Response anonymous = nobody.send(method, url, method.equals("GET") ? null : "{}", false);
                assertThat(anonymous.status()).as(method + " " + url + " without a login").isEqualTo(401);
                boolean staffAdmitted = false;
                for (JsonNode r : roles) {
                    staffAdmitted |= r.asText().equals("staff");
                }
                if (!staffAdmitted) {
                    assertThat(staff.send(method, url, method.equals("GET") ? null : "{}", true).status())
                            .as(method + " " + url + " as staff").isEqualTo(403);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(30);
    }

    @Test
    void ten_wrong_passwords_slow_down_then_lock_the_account() {
        Api api = new Api(kontakt.port());
        int slowed = 0;
        Api.Response last = null;
        for (int i = 0; i < 10; i++) {
            last = api.login("kari", "wrong password " + i);
            if (last.status() == 429) {
                slowed++;
                assertThat(last.headers().firstValue("Retry-After")).isPresent();
                clock.advance(Duration.ofSeconds(Long.parseLong(last.headers().firstValue("Retry-After").get())));
                last = api.login("kari", "wrong password " + i);
            }
            assertThat(last.status()).isIn(401, 429);
        }
        assertThat(slowed).isGreaterThan(0);
        Api.Response locked = api.login("kari", "a long staff password");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("error").asText()).isEqualTo("locked");
        clock.advance(Duration.ofMinutes(16));
        assertThat(api.login("kari", "a long staff password").status()).isEqualTo(200);
    }

    @Test
    void a_cookie_login_needs_the_csrf_token_to_change_anything_and_the_cookie_is_strict() {
        String id = conversationAskingForAPerson();
        Api api = new Api(kontakt.port());
        Api.Response login = api.login("kari", "a long staff password");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(api.postWithCookie("/api/inbox/conversations/" + id + "/takeover", "{}", false).status()).isEqualTo(403);
        assertThat(api.postWithCookie("/api/inbox/conversations/" + id + "/takeover", "{}", true).status()).isEqualTo(200);

        // After a page reload the cookie still holds the session; /api/me gives the page its CSRF token back.
        Api.Response me = api.get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("kari");
        assertThat(me.json().get("csrf").asText()).isEqualTo(login.json().get("csrf").asText());
        assertThat(new Api(kontakt.port()).anonymous("GET", "/api/me").status()).isEqualTo(401);
    }

    @Test
    void reading_a_conversation_is_audited_for_admins_and_hidden_from_staff() {
        String id = conversationAskingForAPerson();
        Api staff = staff();
        staff.get("/api/inbox/conversations/" + id);
        assertThat(staff.get("/api/admin/audit").status()).isEqualTo(403);
        Api admin = new Api(kontakt.port());
        admin.login("ola", "a long admin password");
        JsonNode audit = admin.get("/api/admin/audit").json();
        assertThat(audit).isNotEmpty();
        assertThat(audit.get(0).get("username").asText()).isEqualTo("kari");
        assertThat(audit.get(0).get("role").asText()).isEqualTo("staff");
        assertThat(audit.get(0).get("action").asText()).isEqualTo("read");
        assertThat(audit.get(0).get("conversationId").asText()).isEqualTo(id);
        assertThat(audit.toString()).doesNotContain("91234567");
    }

    @Test
    void an_appointment_is_confirmed_now_reminded_the_day_before_and_the_answer_shows() {
        String id = conversationAskingForAPerson();
        Api api = staff();
        Api.Response booked = api.post("/api/inbox/conversations/" + id + "/appointments",
                "{\"startsAt\":\"2026-11-26T14:00:00+01:00\",\"place\":\"Kirkegata 1\",\"with\":\"Kari, sykepleier\"}");
        assertThat(booked.status()).isEqualTo(201);
        assertThat(sentTexts()).containsExactly(
                "Du har fått en avtale torsdag kl. 14.00, Kirkegata 1, med Kari, sykepleier. Vi gleder oss til å se deg! Passer det? Svar JA eller NEI.");

        clock.set(Instant.parse("2026-11-25T16:59:00Z")); // Wednesday 17:59 in Oslo
        assertThat(kontakt.appointments().remindDue()).isZero();
        clock.set(Instant.parse("2026-11-25T17:00:00Z")); // 18:00, the day before
        assertThat(kontakt.appointments().remindDue()).isEqualTo(1);
        assertThat(sentTexts()).containsExactly(
                "Påminnelse: avtale i morgen kl. 14.00, Kirkegata 1, med Kari, sykepleier. Svar JA om du kommer, eller NEI om du må endre.");
        assertThat(kontakt.appointments().remindDue()).isZero();

        assertThat(twilio.sms(CITIZEN, "JA").body()).contains("Takk! Vi sees.");
        assertThat(api.get("/api/inbox/appointments").status()).as("the login of yesterday has expired").isEqualTo(401);
        api = staff();
        JsonNode appointments = api.get("/api/inbox/appointments").json();
        assertThat(appointments.get(0).get("answer").asText()).isEqualTo("yes");
        assertThat(api.get("/api/inbox/conversations/" + id).json().get("appointments").get(0).get("answer").asText()).isEqualTo("yes");
    }

    @Test
    void staff_see_the_enrolments_and_the_waiting_list_of_an_offer() {
        for (int i = 1; i <= 4; i++) {
            for (String m : new String[] {"hei", "2", "7", "3", "ja"}) {
                twilio.sms("+479000000" + i, m);
            }
        }
        Api api = staff();
        JsonNode trip = null;
        for (JsonNode offer : api.get("/api/inbox/offers").json()) {
            if (offer.get("title").asText().startsWith("Dagstur")) {
                trip = offer;
            }
        }
        assertThat(trip).isNotNull();
        assertThat(trip.get("capacity").asInt()).isEqualTo(3);
        assertThat(trip.get("seated").asInt()).isEqualTo(3);
        assertThat(trip.get("waiting").asInt()).isEqualTo(1);
        JsonNode roster = api.get("/api/inbox/offers/" + trip.get("id").asText() + "/enrolments").json();
        assertThat(roster.get("seated")).hasSize(3);
        assertThat(roster.get("waiting").get(0).get("position").asInt()).isEqualTo(1);
        assertThat(roster.get("waiting").get(0).get("conversationId").asText())
                .isEqualTo(kontakt.conversations().conversationId("sms", "+4790000004"));
        assertThat(api.get("/api/inbox/offers/nope/enrolments").status()).isEqualTo(404);
    }

    @Test
    void a_closed_conversation_is_erased_after_the_retention_days_and_an_open_one_is_kept() {
        String closed = conversationAskingForAPerson();
        twilio.sms("+4791112222", "hei");
        twilio.sms("+4791112222", "4");
        String open = kontakt.conversations().conversationId("sms", "+4791112222");
        staff().post("/api/inbox/conversations/" + closed + "/close", "{\"outcome\":\"ferdig\"}");
        // The feedback question goes out an hour after the close; send it now, so that the background tick
        // cannot send it on day 89 (a message then would rightly restart the retention clock).
        clock.advance(Duration.ofHours(1));
        kontakt.feedback().sendDue();
        clock.advance(Duration.ofDays(89));
        assertThat(kontakt.services().retention().run()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(kontakt.services().retention().run()).isEqualTo(1);
        assertThat(kontakt.stores().conversations().find(closed)).isEmpty();
        assertThat(kontakt.stores().messages().ofConversation(closed)).isEmpty();
        assertThat(kontakt.stores().conversations().find(open)).isPresent();
        assertThat(kontakt.stores().messages().ofConversation(open)).isNotEmpty();
    }

    @Test
    void bad_requests_are_json_errors_that_change_nothing() {
        String id = conversationAskingForAPerson();
        Api api = staff();
        assertThat(api.post("/api/inbox/conversations/" + id + "/reply", "{\"text\":\"\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/inbox/conversations/" + id + "/reply", "not json").json().get("error").asText()).isEqualTo("bad_request");
        assertThat(api.post("/api/inbox/conversations/nope/takeover", "{}").status()).isEqualTo(404);
        assertThat(api.get("/api/inbox/conversations?filter=everything").status()).isEqualTo(400);
        assertThat(api.post("/api/inbox/conversations/" + id + "/appointments", "{\"startsAt\":\"tomorrow\",\"place\":\"x\",\"with\":\"y\"}").status()).isEqualTo(400);
        assertThat(sentTexts()).isEmpty();
        assertThat(kontakt.stores().conversations().find(id).orElseThrow().status()).isEqualTo("waiting");
    }
}
