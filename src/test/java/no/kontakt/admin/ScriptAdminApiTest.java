package no.kontakt.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.store.Json;
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

/** Publishing, refusing and rolling back scripts over HTTP while Kontakt runs. */
class ScriptAdminApiTest {
    @TempDir
    Path data;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    Kontakt kontakt;
    TwilioRequests twilio;
    Api admin;
    String contactYaml;

    @BeforeEach
    void start() throws Exception {
        var env = TestKontakt.withoutSecondFactor(TestKontakt.env(data)); // about something else: see SignInTest
        kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", new RecordingSender()), null)).serve();
        kontakt.accounts().add("ola", "admin", "a long admin password".toCharArray());
        twilio = new TwilioRequests(kontakt.port());
        admin = new Api(kontakt.port());
        admin.login("ola", "a long admin password");
        contactYaml = Files.readString(Path.of("conversations/contact.yaml"));
    }

    @AfterEach
    void stop() {
        kontakt.close();
    }

    private int putDraft(String name, String yaml) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + kontakt.port() + "/api/admin/scripts/" + name + "/draft"))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(yaml)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String token() {
        Api fresh = new Api(kontakt.port());
        return fresh.login("ola", "a long admin password").json().get("token").asText();
    }

    @Test
    void a_broken_draft_is_refused_with_located_errors_and_the_live_version_stays() throws Exception {
        assertThat(putDraft("contact", contactYaml.replace("      next: ask_channel\n", "      next: ask_chanel\n"))).isEqualTo(204);
        Api.Response validate = admin.post("/api/admin/scripts/contact/validate", "");
        assertThat(validate.json().get("errors").asInt()).isEqualTo(1);
        Api.Response publish = admin.post("/api/admin/scripts/contact/publish", "{}");
        assertThat(publish.status()).isEqualTo(422);
        assertThat(publish.json().get("error").asText()).isEqualTo("invalid");
        JsonNode problem = publish.json().get("problems").get(0);
        assertThat(problem.get("file").asText()).endsWith("contact.yaml");
        assertThat(problem.get("line").asInt()).isGreaterThan(0);
        assertThat(problem.get("text").asText()).matches(".*contact\\.yaml:\\d+:\\d+: step 'ask_topic': 'ask_chanel' is not a step.*");
        assertThat(admin.get("/api/admin/scripts").json().findValues("version")).allMatch(v -> v.asInt() == 1);
    }

    /** Version 2 of contact: "video" at the channel question goes to a new step that no transcript knows. */
    private String withVideo() {
        String route = "        - keywords: [video, skjerm]\n          set: { channel: video }\n          go: ask_video\n";
        String step = "  ask_video:\n    say:\n"
                + "      nb: \"Vi kan ha samtalen på video. Svar JA om det passer.\"\n"
                + "      nn: \"Vi kan ha samtalen på video. Svar JA om det passar.\"\n"
                + "      da: \"Vi kan tage samtalen på video. Svar JA, hvis det passer.\"\n"
                + "      sv: \"Vi kan ha samtalet på video. Svara JA om det passar.\"\n"
                + "      en: \"We can talk on video. Reply YES if that suits you.\"\n"
                + "    wait:\n      routes:\n        - answer: yes\n          go: ask_time\n      otherwise:\n        retries: 0\n        then: ask_time\n\n";
        String v2 = contactYaml.replace("          set: { channel: sms }\n          go: ask_time\n",
                "          set: { channel: sms }\n          go: ask_time\n" + route);
        return v2.replace("  ask_time:\n", step + "  ask_time:\n");
    }

    @Test
    void a_draft_that_breaks_a_transcript_is_refused_naming_the_transcript_and_turn() throws Exception {
        String from = "+4791234567";
        twilio.sms(from, "hei");
        assertThat(putDraft("contact", contactYaml.replace("Hva vil du snakke om?", "Hva gjelder det?"))).isEqualTo(204);
        Api.Response refused = admin.post("/api/admin/scripts/contact/publish", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("transcripts").get(0).asText())
                .matches("[a-z0-9-]+\\.yaml: .+, turn \\d+ \\('[^']+'\\): expected \\[Hva vil du snakke om\\?.*but the bot sent \\[Hva gjelder det\\?.*");
        assertThat(twilio.sms(from, "1").body()).contains("Hva vil du snakke om?");
    }

    @Test
    void a_good_draft_changes_the_very_next_reply_and_rollback_restores_it() throws Exception {
        String from = "+4791234567";
        twilio.sms(from, "hei");
        twilio.sms(from, "1");
        twilio.sms(from, "0");
        assertThat(twilio.sms(from, "video").body()).contains("Svar 1 for å bli ringt eller 2 for SMS.");

        assertThat(putDraft("contact", withVideo())).isEqualTo(204);
        Api.Response published = admin.post("/api/admin/scripts/contact/publish", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("version").asInt()).isEqualTo(2);
        twilio.sms(from, "meny"); // the menu is a safe point: from here on the conversation is on version 2
        twilio.sms(from, "1");
        twilio.sms(from, "0");
        assertThat(twilio.sms(from, "video").body()).contains("Vi kan ha samtalen på video.");

        Api.Response rolledBack = admin.post("/api/admin/scripts/contact/rollback", "{\"version\":1}");
        assertThat(rolledBack.json().get("version").asInt()).isEqualTo(3);
        twilio.sms(from, "meny");
        twilio.sms(from, "1");
        twilio.sms(from, "0");
        assertThat(twilio.sms(from, "video").body()).contains("Svar 1 for å bli ringt eller 2 for SMS.");
        assertThat(admin.get("/api/admin/scripts/contact/versions").json()).hasSize(3);
        assertThat(admin.get("/api/admin/audit").json().findValuesAsText("action")).contains("script_publish", "script_rollback", "script_draft");
    }

    @Test
    void a_conversation_waiting_in_a_step_the_new_version_deletes_finishes_on_its_pinned_version() throws Exception {
        putDraft("contact", withVideo());
        assertThat(admin.post("/api/admin/scripts/contact/publish", "{}").status()).isEqualTo(200);
        String from = "+4791234599";
        twilio.sms(from, "hei");
        twilio.sms(from, "1");
        twilio.sms(from, "0");
        assertThat(twilio.sms(from, "video").body()).contains("Vi kan ha samtalen på video."); // waiting in ask_video
        assertThat(admin.post("/api/admin/scripts/contact/rollback", "{\"version\":1}").status()).isEqualTo(200); // ask_video is gone
        assertThat(twilio.sms(from, "ja").body()).contains("Når passer det best?");
        assertThat(twilio.sms(from, "etter 16").body()).contains("Hva vil du at vi skal kalle deg?");
        twilio.sms(from, "Kari");
        twilio.sms(from, "0"); // nothing on what matters now
        assertThat(twilio.sms(from, "0").body()).contains("Takk, Kari!");
        assertThat(kontakt.stores().contactRequests().all().get(0).channel()).isEqualTo("call"); // "video" is not a channel staff know
    }

    @Test
    void publishing_intents_retrains_the_classifier_at_once() throws Exception {
        String from = "+4791230000";
        twilio.sms(from, "hei");
        assertThat(twilio.sms(from, "kakaoprat").body()).contains("Beklager, det forsto jeg ikke");
        String intents = Files.readString(Path.of("conversations/intents.yaml"))
                .replace("    nb: [ring meg,", "    nb: [kakaoprat, ring meg,");
        assertThat(putDraft("intents", intents)).isEqualTo(204);
        Api.Response published = admin.post("/api/admin/scripts/intents/publish", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(twilio.sms(from, "kakaoprat").body()).contains("Hva vil du snakke om?");
        assertThat(putDraft("intents", "intents: [broken")).isEqualTo(204);
        assertThat(admin.post("/api/admin/scripts/intents/publish", "{}").status()).isEqualTo(422);
    }

    @Test
    void the_simulator_talks_to_a_draft_without_touching_real_data() throws Exception {
        String english = contactYaml.replace("Shall we call you (1) or text you (2)?", "Call (1) or text (2)?");
        putDraft("contact", english);
        Api.Response r = admin.post("/api/admin/scripts/contact/simulate",
                "{\"messages\":[\"hello\",\"1\",\"0\"],\"language\":\"en\",\"at\":\"2026-11-24T10:00:00+01:00\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("replies").get(2).get(0).asText()).isEqualTo("Call (1) or text (2)?");
        assertThat(kontakt.stores().conversations().count()).isZero();
        assertThat(Json.MAPPER.writeValueAsString(admin.get("/api/admin/scripts").json())).contains("\"draft\":true");
    }
}
