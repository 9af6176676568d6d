package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.channel.twilio.TwilioForm;
import no.kontakt.config.AppConfig;
import no.kontakt.config.ConfigLoader;
import no.kontakt.conversation.UnitIds;
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

/**
 * A unit's own parts over the real server (signed Twilio requests, real logins): its promise, office hours and on-call
 * phones for escalation, its web chat, its offers in the inbox, and admins who manage only their units.
 */
class UnitsOwnPartsTest {
    static final String CITIZEN = "+4791234567";
    static final String DEFAULT_NUMBER = "+4759440000";
    static final String VEST_NUMBER = "+4759440001";
    static final String VEST_ONCALL = "+4799000001";
    @TempDir
    Path data;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z")); // Tuesday 10:00 in Oslo
    RecordingSender sms = new RecordingSender();
    Kontakt kontakt;
    TwilioRequests twilio;

    @BeforeEach
    void start() throws Exception {
        Path vestOffers = data.resolve("offers-vest.yaml");
        Files.writeString(vestOffers, Files.readString(Path.of("config/offers.yaml")).replace("  - id: ", "  - id: vest-"));
        Path file = data.resolve("kontakt.yaml");
        Files.writeString(file, Files.readString(Path.of("config/kontakt.yaml")) + """

                units:
                  - id: vest
                    numbers: ["%s"]
                    name: Psykisk helse Vest
                    time_zone: Atlantic/Reykjavik
                    office:
                      hours:
                        periods:
                          - { days: [mon, tue, wed, thu, fri, sat, sun], from: "08:00", to: "23:00" }
                      contact_promise_hours: 1
                    ambulant:
                      hours:
                        periods:
                          - { days: [mon, tue, wed, thu, fri, sat, sun], from: "08:00", to: "23:00" }
                      oncall_phones: "%s"
                    emergency:
                      emergency_number: "113"
                      medical_number: "116 117"
                      crisis_line: "815 33 300"
                      crisis_line_name: Kirkens SOS Vest
                      last_checked: 2026-11-01
                    offers: { catalogue: "%s" }
                """.formatted(VEST_NUMBER, VEST_ONCALL, vestOffers));
        var env = TestKontakt.withoutSecondFactor(TestKontakt.env(data.resolve("store")));
        AppConfig config = new ConfigLoader(env::get).load(file);
        kontakt = Kontakt.create(config, MapDbStorage.open(data.resolve("store")), env::get, clock,
                new Kontakt.Options(Map.of("sms", sms), null)).serve();
        kontakt.accounts().add("kari", "staff", "a long staff password".toCharArray());
        kontakt.accounts().add("vera", "staff", "a long staff password".toCharArray());
        kontakt.accounts().units("vera", List.of("vest"));
        kontakt.accounts().add("ola", "admin", "a long admin password".toCharArray());
        kontakt.accounts().units("ola", List.of("*"));
        kontakt.accounts().add("siri", "admin", "a long admin password".toCharArray());
        kontakt.accounts().units("siri", List.of("vest"));
        twilio = new TwilioRequests(kontakt.port());
    }

    @AfterEach
    void stop() {
        kontakt.close();
    }

    private String text(String to, String body) {
        var response = twilio.post("/twilio/sms", TwilioForm.inboundSms(TwilioRequests.newSid(), CITIZEN, to, body, "AC" + "a".repeat(32)));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private Api login(String name, String password) {
        Api api = new Api(kontakt.port());
        assertThat(api.login(name, password).status()).isEqualTo(200);
        return api;
    }

    @Test
    void a_units_waiting_conversation_is_escalated_with_its_own_promise_and_on_call_phones() {
        text(DEFAULT_NUMBER, "hei");
        text(DEFAULT_NUMBER, "4");
        text(VEST_NUMBER, "hei");
        text(VEST_NUMBER, "4");
        String main = kontakt.conversations().conversationId("sms", CITIZEN);
        String vest = UnitIds.of(main, "vest");
        assertThat(kontakt.conversations().conversation(vest).orElseThrow().status()).isEqualTo("waiting");

        clock.set(Instant.parse("2026-11-24T10:00:00Z")); // an hour later: past 80 % of vest's promise, not of the default unit's
        long deadline = System.currentTimeMillis() + 10_000;
        while (sms.sent().stream().noneMatch(m -> m.to().equals(VEST_ONCALL)) && System.currentTimeMillis() < deadline) {
            kontakt.services().tick(); // the server ticks too; whichever instance holds the round escalates
        }
        assertThat(sms.sent()).anyMatch(m -> m.to().equals(VEST_ONCALL));
        assertThat(escalated(vest)).isTrue();
        assertThat(escalated(main)).isFalse();
    }

    @Test
    void a_units_web_chat_talks_to_that_unit_with_its_name_and_numbers_and_the_session_keeps_its_unit() {
        Api web = new Api(kontakt.port());
        String page = web.send("GET", "/chat?unit=vest", null, false).body();
        assertThat(page).contains("Psykisk helse Vest").contains("815 33 300").contains("data-unit-id=\"vest\"");
        assertThat(web.send("GET", "/chat", null, false).body()).doesNotContain("815 33 300").doesNotContain("Psykisk helse Vest");
        var unknown = web.send("GET", "/chat?unit=sor", null, false);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("There is no unit &#39;sor&#39;");
        var refused = web.send("POST", "/api/chat/sessions", "{\"unit\":\"sor\"}", false);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().get("error").asText()).isEqualTo("not_found");
        assertThat(refused.json().get("message").asText()).startsWith("There is no unit 'sor'");

        var opened = web.send("POST", "/api/chat/sessions?unit=vest", "{\"language\":\"nb\"}", false);
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().get("unit").asText()).isEqualTo("Psykisk helse Vest");
        assertThat(opened.json().get("emergency").get("crisis_line").asText()).isEqualTo("815 33 300");
        String session = opened.json().get("id").asText();
        // the unit is bound by the session id: a query naming another unit changes nothing
        var answer = web.send("POST", "/api/chat/sessions/" + session + "/messages?unit=default", "{\"text\":\"hei\"}", false);
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("replies").findValuesAsText("text")).anyMatch(t -> t.contains("Psykisk helse Vest"));
        String plain = kontakt.conversations().conversationId("web", session);
        assertThat(kontakt.conversations().conversation(UnitIds.of(plain, "vest"))).isPresent();
        assertThat(kontakt.conversations().conversation(plain)).isEmpty();
        // and an id edited to leave the unit out is no session at all
        String edited = session.replace("-vest-", "-");
        assertThat(web.send("POST", "/api/chat/sessions/" + edited + "/messages", "{\"text\":\"hei\"}", false).status()).isEqualTo(404);

        String main = web.send("POST", "/api/chat/sessions", "{}", false).json().get("id").asText();
        assertThat(web.send("POST", "/api/chat/sessions/" + main + "/messages", "{\"text\":\"hei\"}", false).json()
                .get("replies").findValuesAsText("text")).noneMatch(t -> t.contains("Psykisk helse Vest"));
        assertThat(kontakt.conversations().conversation(kontakt.conversations().conversationId("web", main))).isPresent();
    }

    @Test
    void the_inbox_lists_the_offers_of_the_units_a_person_sees() {
        List<String> kari = login("kari", "a long staff password").get("/api/inbox/offers").json().findValuesAsText("id");
        List<String> vera = login("vera", "a long staff password").get("/api/inbox/offers").json().findValuesAsText("id");
        List<String> ola = login("ola", "a long admin password").get("/api/inbox/offers").json().findValuesAsText("id");
        assertThat(kari).contains("kid").noneMatch(id -> id.startsWith("vest-"));
        assertThat(vera).contains("vest-kid").allMatch(id -> id.startsWith("vest-"));
        assertThat(ola).contains("kid", "vest-kid").hasSize(kari.size() + vera.size());
        assertThat(login("vera", "a long staff password").get("/api/inbox/offers/vest-kid/enrolments").status()).isEqualTo(200);
        assertThat(login("vera", "a long staff password").get("/api/inbox/offers/kid/enrolments").status()).isEqualTo(404);
    }

    @Test
    void an_admin_of_some_units_manages_only_their_units_accounts_and_exports() {
        Api siri = login("siri", "a long admin password");
        assertThat(siri.get("/api/admin/users").json().findValuesAsText("username")).containsExactlyInAnyOrder("vera", "siri");
        assertThat(login("ola", "a long admin password").get("/api/admin/users").json().findValuesAsText("username"))
                .contains("kari", "vera", "ola", "siri");

        assertThat(siri.post("/api/admin/users", "{\"username\":\"vilde\",\"role\":\"staff\",\"password\":\"a long staff password\",\"units\":[\"vest\"]}")
                .status()).isEqualTo(201);
        for (String units : List.of("[\"*\"]", "[\"default\"]", "[\"vest\",\"default\"]")) {
            var refused = siri.post("/api/admin/users", "{\"username\":\"vegard\",\"role\":\"staff\",\"password\":\"a long staff password\",\"units\":" + units + "}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("error").asText()).isEqualTo("forbidden");
        }
        assertThat(siri.post("/api/admin/users", "{\"username\":\"vegard\",\"role\":\"staff\",\"password\":\"a long staff password\"}").status())
                .isEqualTo(403); // no units: the default unit's account
        assertThat(siri.send("PATCH", "/api/admin/users/vera", "{\"units\":[\"*\"]}", true).status()).isEqualTo(403);
        var other = siri.send("PATCH", "/api/admin/users/kari", "{\"units\":[\"vest\"]}", true);
        assertThat(other.status()).isEqualTo(404);
        assertThat(siri.send("PATCH", "/api/admin/users/ola", "{\"password\":\"another long password\"}", true).status()).isEqualTo(404);
        assertThat(siri.send("DELETE", "/api/admin/users/kari", null, true).status()).isEqualTo(404);
        assertThat(kontakt.accounts().list().stream().map(u -> u.username())).contains("kari").doesNotContain("vegard");
        assertThat(siri.send("PATCH", "/api/admin/users/vilde", "{\"role\":\"admin\"}", true).status()).isEqualTo(200);

        text(DEFAULT_NUMBER, "hei");
        text(VEST_NUMBER, "hei");
        String main = kontakt.conversations().conversationId("sms", CITIZEN);
        String vest = UnitIds.of(main, "vest");
        var report = siri.post("/api/admin/access-export", "{\"number\":\"" + CITIZEN + "\"}").json();
        assertThat(report.get("conversations").findValuesAsText("id")).containsExactly(vest);
        assertThat(login("ola", "a long admin password").post("/api/admin/access-export", "{\"number\":\"" + CITIZEN + "\"}").json()
                .get("conversations").findValuesAsText("id")).containsExactlyInAnyOrder(main, vest);
    }

    @Test
    void offer_ids_two_catalogues_share_stop_start_up_with_the_units_key() throws Exception {
        Path dir = Files.createDirectories(data.resolve("second"));
        Path offers = dir.resolve("offers-vest.yaml");
        Files.copy(Path.of("config/offers.yaml"), offers); // the same ids as the default unit's catalogue
        Path file = dir.resolve("kontakt.yaml");
        Files.writeString(file, Files.readString(Path.of("config/kontakt.yaml")) + """

                units:
                  - id: vest
                    numbers: ["%s"]
                    offers: { catalogue: "%s" }
                """.formatted(VEST_NUMBER, offers));
        var env = TestKontakt.withoutSecondFactor(TestKontakt.env(dir.resolve("store")));
        AppConfig config = new ConfigLoader(env::get).load(file);
        var storage = MapDbStorage.open(dir.resolve("store"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Kontakt.create(config, storage, env::get, clock,
                            new Kontakt.Options(Map.of("sms", sms), null)))
                    .isInstanceOf(no.kontakt.config.ConfigException.class)
                    .hasMessageStartingWith("units[0].offers: the offer id 'kid' is in offers.catalogue too");
        } finally {
            storage.close();
        }
    }

    @Test
    void a_units_closed_conversations_and_first_contacts_count_in_its_statistics() {
        text(VEST_NUMBER, "hei");
        text(VEST_NUMBER, "4");
        String vest = UnitIds.of(kontakt.conversations().conversationId("sms", CITIZEN), "vest");
        Api vera = login("vera", "a long staff password");
        assertThat(vera.post("/api/inbox/conversations/" + vest + "/reply", "{\"text\":\"Hei, dette er Vera.\"}").status()).isEqualTo(201);
        assertThat(vera.post("/api/inbox/conversations/" + vest + "/close", "{\"outcome\":\"helped\"}").status()).isEqualTo(200);
        Api ola = login("ola", "a long admin password");
        assertThat(ola.get("/api/admin/stats?unit=vest").json().get("rows").findValuesAsText("metric")).contains("closed");
        assertThat(ola.get("/api/admin/stats").json().get("rows").findValuesAsText("metric")).doesNotContain("closed");
    }

    @Test
    void a_units_statistics_weeks_are_counted_in_its_own_time_zone() {
        clock.set(Instant.parse("2026-11-29T23:30:00Z")); // Monday 00:30 in Oslo (week 49), still Sunday in Reykjavik (week 48)
        text(DEFAULT_NUMBER, "hei");
        text(VEST_NUMBER, "hei");
        Api ola = login("ola", "a long admin password");
        assertThat(ola.get("/api/admin/stats").json().get("rows").findValuesAsText("week")).contains("2026-W49").doesNotContain("2026-W48");
        assertThat(ola.get("/api/admin/stats?unit=vest").json().get("rows").findValuesAsText("week")).contains("2026-W48").doesNotContain("2026-W49");
    }

    @Test
    void the_queue_counts_a_units_waiting_time_in_its_own_office_hours() {
        text(VEST_NUMBER, "hei");
        text(VEST_NUMBER, "4"); // Tuesday 09:00 in Reykjavik, vest's office is open 08:00-23:00
        clock.set(Instant.parse("2026-11-24T20:00:00Z")); // 11 h of vest's opening time; the default unit closed at 15:30 Oslo time
        JsonNode item = login("vera", "a long staff password").get("/api/inbox/conversations?filter=all").json().get("conversations").get(0);
        assertThat(item.get("slaSeconds").asLong()).isEqualTo(11 * 3600);
    }

    private boolean escalated(String id) {
        return kontakt.stores().events().events(id).stream().anyMatch(e -> "escalated".equals(e.type()));
    }
}
