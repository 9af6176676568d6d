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
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.Api;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rewording a text from /admin: the transcripts that show it are listed with the diff, accepted, and publish succeeds. */
class TranscriptRewordingTest {
    static final String OLD = "Forespørselen er trukket. Skriv MENY om du vil noe mer.";
    static final String NEW = "Forespørselen din er trukket. Skriv MENY hvis du vil noe mer.";
    @TempDir
    Path data;
    @TempDir
    Path scripts;
    Kontakt kontakt;
    Api admin;
    String token;
    String cancelYaml;

    @BeforeEach
    void start() throws Exception {
        // the scripts with three of their transcripts: each publish replays them all
        Files.createDirectories(scripts.resolve("tests"));
        try (java.util.stream.Stream<Path> files = Files.list(Path.of("conversations"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(f, scripts.resolve(f.getFileName()));
            }
        }
        for (String t : java.util.List.of("paths-contact-nb", "contact-cancel-da", "ambulant-17-may-sv")) {
            Files.copy(Path.of("conversations/tests", t + ".yaml"), scripts.resolve("tests").resolve(t + ".yaml"));
        }
        var env = TestKontakt.env(data);
        env.put("KONTAKT_REQUIRE_2FA", "none"); // about scripts, not the second factor
        no.kontakt.config.AppConfig c = TestKontakt.config(env);
        var config = new no.kontakt.config.AppConfig(c.server(), c.store(), c.twilio(), c.unit(), c.emergency(), c.office(), c.ambulant(),
                new no.kontakt.config.AppConfig.Conversations(scripts), c.offers(), c.retention());
        kontakt = Kontakt.create(config, MapDbStorage.open(data), env::get,
                new MutableClock(Instant.parse("2026-11-24T09:00:00Z")), new Kontakt.Options(Map.of("sms", new RecordingSender()), null)).serve();
        kontakt.accounts().add("ola", "admin", "a long admin password".toCharArray());
        admin = new Api(kontakt.port());
        token = admin.login("ola", "a long admin password").json().get("token").asText();
        cancelYaml = Files.readString(Path.of("conversations/contact_cancel.yaml"));
    }

    @AfterEach
    void stop() {
        kontakt.close();
    }

    private void putDraft(String name, String yaml) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + kontakt.port() + "/api/admin/scripts/" + name + "/draft"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString(yaml)).build();
        assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
    }

    @Test
    void a_reworded_text_shows_its_transcripts_with_the_diff_and_once_accepted_publish_succeeds() throws Exception {
        putDraft("contact_cancel", cancelYaml.replace(OLD, NEW));
        assertThat(admin.post("/api/admin/scripts/contact_cancel/publish", "{}").status()).isEqualTo(422);

        JsonNode review = admin.post("/api/admin/scripts/contact_cancel/transcripts/review", "{}").json();
        assertThat(review.hasNonNull("structural")).as(review.toString()).isFalse();
        assertThat(review.get("acceptable").asBoolean()).isTrue();
        assertThat(review.get("transcripts")).extracting(t -> t.get("file").asText()).containsExactly("paths-contact-nb.yaml");
        JsonNode turn = review.get("transcripts").get(0).get("turns").get(0);
        assertThat(turn.get("turn").asInt()).isPositive();
        assertThat(turn.get("texts")).hasSize(1);
        assertThat(turn.get("texts").get(0).get("before").asText()).isEqualTo(OLD);
        assertThat(turn.get("texts").get(0).get("after").asText()).isEqualTo(NEW);

        Api.Response accepted = admin.post("/api/admin/scripts/contact_cancel/transcripts/accept", "{}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("accepted")).extracting(JsonNode::asText).containsExactly("paths-contact-nb.yaml");
        // the repository's file is left as it is: the accepted version lives with the draft
        assertThat(Files.readString(scripts.resolve("tests/paths-contact-nb.yaml"))).contains(OLD);

        Api.Response published = admin.post("/api/admin/scripts/contact_cancel/publish", "{}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("version").asInt()).isEqualTo(2);
        JsonNode check = admin.post("/api/admin/scripts/contact_cancel/transcripts", "").json();
        assertThat(check.get("failed").asInt()).as(check.toString()).isZero();
        assertThat(admin.get("/api/admin/scripts").json()).extracting(s -> s.get("name").asText()).noneMatch(n -> n.startsWith("transcripts"));
        assertThat(admin.get("/api/admin/audit").json().findValuesAsText("action")).contains("transcripts_accept", "script_publish");
        assertThat(admin.post("/api/admin/scripts/contact_cancel/transcripts/review", "{}").status()).isEqualTo(404); // no draft left
    }

    @Test
    void a_draft_that_changes_a_route_is_refused_with_where_it_changed() throws Exception {
        putDraft("contact_cancel", cancelYaml.replace(OLD, NEW).replace("      cancelled: cancelled\n      none: nothing_open\n",
                "      cancelled: nothing_open\n      none: cancelled\n")); // the answers swapped: still valid, not a rewording
        Api.Response refused = admin.post("/api/admin/scripts/contact_cancel/transcripts/accept", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("error").asText()).isEqualTo("structural");
        assertThat(refused.json().get("message").asText()).contains("steps.cancel.exits.cancelled", "must pass as they are");
        assertThat(admin.post("/api/admin/scripts/contact_cancel/publish", "{}").status()).isEqualTo(422);
    }

    @Test
    void a_turn_that_checks_a_phrase_the_new_text_drops_is_refused_naming_the_turn() throws Exception {
        String ambulant = Files.readString(Path.of("conversations/ambulant.yaml"));
        putDraft("ambulant", ambulant.replace("Det öppnar {{opens}}.", "Teamet är tillbaka {{opens}}."));
        Api.Response refused = admin.post("/api/admin/scripts/ambulant/transcripts/accept", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("error").asText()).isEqualTo("not_a_text");
        assertThat(refused.json().get("message").asText()).contains("checks for 'öppnar i dag kl. 11:00'");
        assertThat(admin.get("/api/admin/audit").json().findValuesAsText("action")).doesNotContain("transcripts_accept");
    }

    @Test
    void only_texts_count_as_a_rewording() {
        assertThat(TranscriptRewording.structuralDifference("a:\n  say: {nb: x}\n  next: b\n", "a:\n  say: {nb: y, en: z}\n  next: b\n")).isEmpty();
        assertThat(TranscriptRewording.structuralDifference("a:\n  say: x\n  next: b\n", "a:\n  say: x\n  next: c\n")).contains("a.next");
        assertThat(TranscriptRewording.structuralDifference("a:\n  say: x\n", "a:\n  say: x\nb:\n  say: y\n")).contains("b");
    }
}
