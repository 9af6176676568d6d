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
 * Two units side by side in one deployment, over the real server with signed Twilio requests and real logins: each
 * number's messages go to its unit, the same phone has a conversation in each, each unit's staff see their own queue
 * and cannot read or touch the other's conversations, and the statistics are counted per unit.
 */
class UnitsTest {
    static final String CITIZEN = "+4791234567";
    static final String DEFAULT_NUMBER = "+4759440000";
    static final String VEST_NUMBER = "+4759440001";
    static final String NORD_NUMBER = "+4759440002";
    @TempDir
    Path data;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z")); // Tuesday 10:00 in Oslo
    RecordingSender sms = new RecordingSender();
    Kontakt kontakt;
    TwilioRequests twilio;

    @BeforeEach
    void start() throws Exception {
        Path scripts = data.resolve("nord-scripts");
        try (var files = Files.list(Path.of("conversations"))) {
            Files.createDirectories(scripts);
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, scripts.resolve(f.getFileName()));
            }
        }
        Path main = scripts.resolve("main.yaml");
        Files.writeString(main, Files.readString(main).replace("Hei! Dette er Kontakt,", "Hei fra nord! Dette er Kontakt,"));
        Path file = data.resolve("kontakt.yaml");
        Files.writeString(file, Files.readString(Path.of("config/kontakt.yaml")) + """

                units:
                  - id: vest
                    numbers: ["%s"]
                    name: Psykisk helse Vest
                  - id: nord
                    numbers: ["%s"]
                    conversations: { dir: "%s" }
                """.formatted(VEST_NUMBER, NORD_NUMBER, scripts));
        var env = TestKontakt.withoutSecondFactor(TestKontakt.env(data.resolve("store")));
        AppConfig config = new ConfigLoader(env::get).load(file);
        kontakt = Kontakt.create(config, MapDbStorage.open(data.resolve("store")), env::get, clock,
                new Kontakt.Options(Map.of("sms", sms), null)).serve();
        kontakt.accounts().add("kari", "staff", "a long staff password".toCharArray()); // no units: the default unit
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

    private static List<String> queue(Api api) {
        return api.get("/api/inbox/conversations?filter=all").json().get("conversations").findValuesAsText("id");
    }

    private void bothAskForAPerson() {
        text(DEFAULT_NUMBER, "hei");
        text(DEFAULT_NUMBER, "4");
        text(VEST_NUMBER, "hei");
        text(VEST_NUMBER, "4");
    }

    @Test
    void each_number_has_its_own_conversations_and_each_units_staff_their_own_queue() {
        bothAskForAPerson();
        String main = kontakt.conversations().conversationId("sms", CITIZEN);
        String vest = UnitIds.of(main, "vest");
        assertThat(kontakt.conversations().conversation(main).orElseThrow().messageCount()).isGreaterThanOrEqualTo(4);
        assertThat(kontakt.conversations().conversation(vest).orElseThrow().messageCount()).isGreaterThanOrEqualTo(4);

        assertThat(queue(login("kari", "a long staff password"))).containsExactly(main);
        assertThat(queue(login("vera", "a long staff password"))).containsExactly(vest);
        assertThat(queue(login("ola", "a long admin password"))).containsExactlyInAnyOrder(main, vest);
    }

    @Test
    void staff_of_one_unit_cannot_read_or_take_over_the_others_conversations() {
        bothAskForAPerson();
        String main = kontakt.conversations().conversationId("sms", CITIZEN);
        String vest = UnitIds.of(main, "vest");
        Api kari = login("kari", "a long staff password");
        Api vera = login("vera", "a long staff password");

        for (var refused : List.of(kari.get("/api/inbox/conversations/" + vest), kari.post("/api/inbox/conversations/" + vest + "/takeover", "{}"),
                kari.post("/api/inbox/conversations/" + vest + "/reply", "{\"text\":\"Hei\"}"), kari.get("/api/inbox/conversations/" + vest + "/export.txt"),
                kari.post("/api/inbox/conversations/" + vest + "/typing", "{}"), vera.get("/api/inbox/conversations/" + main), vera.post("/api/inbox/conversations/" + main + "/close", "{}"))) {
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.json().get("error").asText()).isEqualTo("not_found");
            assertThat(refused.json().get("message").asText()).startsWith("There is no conversation ");
        }
        assertThat(kontakt.conversations().conversation(vest).orElseThrow().status()).isEqualTo("waiting");
        assertThat(kontakt.conversations().conversation(main).orElseThrow().status()).isEqualTo("waiting");

        assertThat(vera.get("/api/inbox/conversations/" + vest).status()).isEqualTo(200);
        assertThat(vera.post("/api/inbox/conversations/" + vest + "/typing", "{}").status()).isEqualTo(200);
        assertThat(vera.post("/api/inbox/conversations/" + vest + "/takeover", "{}").json().get("status").asText()).isEqualTo("taken_over");
        assertThat(kari.get("/api/inbox/contact-requests").json().findValuesAsText("conversationId")).doesNotContain(vest);
    }

    @Test
    void statistics_are_counted_per_unit_and_an_admin_sees_only_the_units_granted() {
        bothAskForAPerson();
        text(VEST_NUMBER, "hei igjen");
        Api ola = login("ola", "a long admin password");
        JsonNode main = ola.get("/api/admin/stats").json();
        JsonNode vest = ola.get("/api/admin/stats?unit=vest").json();
        assertThat(main.get("unit").asText()).isEqualTo("default");
        assertThat(vest.get("unit").asText()).isEqualTo("vest");
        assertThat(conversationsCounted(main)).isEqualTo(1);
        assertThat(conversationsCounted(vest)).isEqualTo(1);
        assertThat(ola.get("/api/admin/stats?unit=sor").status()).isEqualTo(404);

        Api siri = login("siri", "a long admin password");
        assertThat(siri.get("/api/admin/stats").json().get("unit").asText()).isEqualTo("vest");
        var refused = siri.get("/api/admin/stats?unit=default");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("error").asText()).isEqualTo("forbidden");
    }

    @Test
    void each_unit_answers_with_its_own_name_and_scripts() {
        assertThat(text(DEFAULT_NUMBER, "hei")).contains("fra Psykisk helse og rus").doesNotContain("nord");
        assertThat(text(VEST_NUMBER, "hei")).contains("fra Psykisk helse Vest");
        assertThat(text(NORD_NUMBER, "hei")).contains("Hei fra nord! Dette er Kontakt");
    }

    @Test
    void a_citizens_access_export_holds_their_conversations_in_every_unit_and_the_audit_trail_only_the_admins_units() {
        bothAskForAPerson();
        String main = kontakt.conversations().conversationId("sms", CITIZEN);
        String vest = UnitIds.of(main, "vest");
        Api vera = login("vera", "a long staff password");
        assertThat(vera.get("/api/inbox/conversations/" + vest).status()).isEqualTo(200); // audited: a read
        assertThat(login("kari", "a long staff password").get("/api/inbox/conversations/" + main).status()).isEqualTo(200);
        JsonNode report = login("ola", "a long admin password").post("/api/admin/access-export", "{\"number\":\"" + CITIZEN + "\"}").json();
        assertThat(report.get("conversations")).extracting(c -> c.get("id").asText()).containsExactlyInAnyOrder(main, vest);

        List<String> seen = login("siri", "a long admin password").get("/api/admin/audit").json().findValuesAsText("conversationId");
        assertThat(seen).contains(vest).doesNotContain(main);
    }

    @Test
    void live_events_reach_only_the_staff_of_the_conversations_unit() throws Exception {
        String token = new Api(kontakt.port()).login("vera", "a long staff password").json().get("token").asText();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + kontakt.port() + "/api/inbox/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        var stream = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        var lines = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(), java.nio.charset.StandardCharsets.UTF_8));
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data: ")) {
                        return line;
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                return null;
            }
        });
        String vest = UnitIds.of(kontakt.conversations().conversationId("sms", CITIZEN), "vest");
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            text(DEFAULT_NUMBER, "hei"); // published first: vera must never see it
            text(VEST_NUMBER, "hei");
            try {
                assertThat(first.get(500, java.util.concurrent.TimeUnit.MILLISECONDS)).contains("\"conversation\":\"" + vest + "\"");
                return;
            } catch (java.util.concurrent.TimeoutException notYet) {
                // the subscription may not be registered yet
            }
        }
        throw new AssertionError("no event arrived");
    }

    @Test
    void a_number_no_unit_lists_goes_to_the_default_unit() {
        text("+4759449999", "hei");
        String main = kontakt.conversations().conversationId("sms", CITIZEN);
        assertThat(kontakt.conversations().conversation(main)).isPresent();
        assertThat(kontakt.conversations().conversation(UnitIds.of(main, "vest"))).isEmpty();
    }

    private static long conversationsCounted(JsonNode stats) {
        long n = 0;
        for (JsonNode row : stats.get("rows")) {
            if (row.get("metric").asText().equals("conversations")) {
                n += row.get("count").asLong();
            }
        }
        return n;
    }
}
