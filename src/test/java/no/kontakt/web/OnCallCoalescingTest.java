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
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wave of anonymous web-chat risk messages while the evening team is on duty: every citizen gets the
 * emergency numbers and every conversation is urgent, but each on-call phone gets at most one SMS per alert
 * interval, and then one that says how many came in between.
 */
class OnCallCoalescingTest {
    static final String ONCALL = "+4799887766";
    static final Instant SATURDAY_EVENING = Instant.parse("2026-11-28T19:30:00Z"); // 20:30 in Oslo, the team on duty
    static final int SESSIONS = 25;

    @TempDir
    Path data;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final RecordingSender sms = new RecordingSender();
    final MutableClock clock = new MutableClock(SATURDAY_EVENING);

    @Test
    void twenty_five_risk_chats_give_every_citizen_the_numbers_and_each_on_call_phone_one_sms_per_interval() throws Exception {
        try (Kontakt kontakt = start(10)) {
            List<String> ids = riskWave(kontakt);
            kontakt.outbox().dispatchDue();
            assertThat(alerts()).containsExactly("Kontakt: ny hastesak. Åpne innboksen.");
            assertThat(ids).allSatisfy(id -> assertThat(kontakt.stores().conversations().find(id).orElseThrow().urgent()).isTrue());

            clock.set(SATURDAY_EVENING.plus(Duration.ofMinutes(9)));
            assertThat(kontakt.flushAlerts()).as("the interval has not passed").isZero();
            clock.set(SATURDAY_EVENING.plus(Duration.ofMinutes(10)));
            assertThat(kontakt.flushAlerts()).isEqualTo(1);
            kontakt.outbox().dispatchDue();
            assertThat(alerts()).containsExactly("Kontakt: ny hastesak. Åpne innboksen.", "Kontakt: 24 nye hastesaker. Åpne innboksen.");
            assertThat(kontakt.flushAlerts()).as("nothing more is waiting").isZero();
        }
    }

    @Test
    void with_the_interval_at_zero_every_urgent_chat_pages_the_phone() throws Exception {
        try (Kontakt kontakt = start(0)) {
            riskWave(kontakt);
            kontakt.outbox().dispatchDue();
            assertThat(alerts()).hasSize(SESSIONS);
        }
    }

    @Test
    void one_address_opening_chat_after_chat_pages_the_phone_three_times_and_every_citizen_still_gets_the_numbers() throws Exception {
        try (Kontakt kontakt = start(0, 3)) {
            List<String> ids = riskWave(kontakt); // every answer carries the numbers and is urgent: checked inside
            kontakt.outbox().dispatchDue();
            assertThat(alerts()).as("pages from one address in an hour").hasSize(3);
            assertThat(ids).allSatisfy(id -> assertThat(kontakt.stores().conversations().find(id).orElseThrow().urgent()).isTrue());
        }
    }

    @Test
    void a_yes_to_a_call_from_the_safety_path_in_the_web_chat_asks_for_a_number_and_makes_an_urgent_request() throws Exception {
        try (Kontakt kontakt = start(10)) {
            String session = post(kontakt, "/api/chat/sessions", "{\"language\":\"nb\"}").get("id").asText();
            say(kontakt, session, "jeg vil ikke leve lenger");
            assertThat(say(kontakt, session, "ja")).contains("Vil du at de ringer deg?");
            assertThat(say(kontakt, session, "ja")).contains("Hvilket nummer kan teamet ringe deg på?");
            assertThat(say(kontakt, session, "912 34 567")).contains("Teamet er varslet og ringer deg innen 30 minutter");
            String id = kontakt.conversations().conversationId("web", session);
            assertThat(kontakt.stores().contactRequests().all()).filteredOn(r -> r.conversationId().equals(id)).singleElement()
                    .satisfies(r -> assertThat(r.urgent()).isTrue());
            assertThat(say(kontakt, session, "hallo?")).as("the next message goes to staff, not the menu")
                    .contains("går til oss som en hastesak").doesNotContain("Svar med et tall");
        }
    }

    private String say(Kontakt kontakt, String session, String text) throws Exception {
        return post(kontakt, "/api/chat/sessions/" + session + "/messages",
                Json.MAPPER.createObjectNode().put("text", text).toString()).get("replies").toString();
    }

    private Kontakt start(int intervalMinutes) throws Exception {
        return start(intervalMinutes, 0);
    }

    private Kontakt start(int intervalMinutes, int chatAlertsPerAddress) throws Exception {
        var env = TestKontakt.env(data.resolve("store"));
        env.put("KONTAKT_ONCALL_PHONES", ONCALL);
        String yaml = Files.readString(Path.of("config/kontakt.yaml"))
                .replace("alert_interval_minutes: 10", "alert_interval_minutes: " + intervalMinutes)
                .replace("chat_alerts_per_address: 3", "chat_alerts_per_address: " + chatAlertsPerAddress);
        Path file = data.resolve("kontakt.yaml");
        Files.writeString(file, yaml);
        var config = new ConfigLoader(env::get).load(file);
        return Kontakt.create(config, MapDbStorage.open(data.resolve("store")), env::get, clock,
                new Kontakt.Options(Map.of("sms", sms), null)).serve();
    }

    /** 25 chat sessions, each writing one risk message; every answer must carry the numbers at once. */
    private List<String> riskWave(Kontakt kontakt) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            String session = post(kontakt, "/api/chat/sessions", "{\"language\":\"nb\"}").get("id").asText();
            JsonNode answer = post(kontakt, "/api/chat/sessions/" + session + "/messages", "{\"text\":\"jeg vil ikke leve lenger\"}");
            assertThat(answer.get("urgent").asBoolean()).isTrue();
            assertThat(answer.get("replies").toString()).as("session %d", i).contains("ring 113").contains("116 123");
            ids.add(kontakt.conversations().conversationId("web", session));
        }
        return ids;
    }

    private List<String> alerts() {
        return sms.sent().stream().filter(m -> m.to().equals(ONCALL)).map(m -> m.body()).toList();
    }

    private JsonNode post(Kontakt kontakt, String path, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + kontakt.port() + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 201);
        return Json.MAPPER.readTree(r.body());
    }
}
