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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.kontakt.Kontakt;
import no.kontakt.config.AppConfig;
import no.kontakt.store.Json;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.Api;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the admin page builds on besides the script API: the diagram the server draws, the transcripts replayed
 * on demand turn by turn, and settings checked with every problem at its line. On a copy of the scripts with two
 * transcripts, so a replay of all of them is quick.
 */
class AdminToolsApiTest {
    @TempDir
    Path data;
    @TempDir
    Path scripts;
    Kontakt kontakt;
    Api admin;
    String token;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(scripts.resolve("tests"));
        try (Stream<Path> files = Files.list(Path.of("conversations"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(f, scripts.resolve(f.getFileName()));
            }
        }
        for (String t : List.of("contact-happy-path-nb", "ambulant-saturday-evening-nb")) {
            Files.copy(Path.of("conversations/tests", t + ".yaml"), scripts.resolve("tests").resolve(t + ".yaml"));
        }
        var env = TestKontakt.withoutSecondFactor(TestKontakt.env(data)); // about something else: see SignInTest
        AppConfig c = TestKontakt.config(env);
        AppConfig config = new AppConfig(c.server(), c.store(), c.twilio(), c.unit(), c.emergency(), c.office(), c.ambulant(),
                new AppConfig.Conversations(scripts), c.offers(), c.retention());
        kontakt = Kontakt.create(config, MapDbStorage.open(data), env::get, new MutableClock(Instant.parse("2026-11-24T09:00:00Z")),
                new Kontakt.Options(Map.of("sms", new RecordingSender()), null)).serve();
        kontakt.accounts().add("ola", "admin", "a long admin password".toCharArray());
        admin = new Api(kontakt.port());
        token = admin.login("ola", "a long admin password").json().get("token").asText();
    }

    @AfterEach
    void stop() {
        kontakt.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + kontakt.port() + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/yaml").method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_diagram_is_svg_of_the_live_version_or_the_draft_and_a_draft_that_cannot_be_read_is_refused_at_its_line() throws Exception {
        HttpResponse<String> live = send("GET", "/api/admin/scripts/contact/diagram.svg", null);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
        assertThat(live.body()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("data-id=\"ask_topic\"").doesNotContain("ask_video");
        assertThat(send("GET", "/api/admin/scripts/contact/diagram.svg?of=draft", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/admin/scripts/contact/diagram.svg?of=yesterday", null).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/api/admin/scripts/global/diagram.svg", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/admin/scripts/nothing/diagram.svg", null).statusCode()).isEqualTo(404);

        String yaml = Files.readString(Path.of("conversations/contact.yaml"));
        send("PUT", "/api/admin/scripts/contact/draft", yaml.replace("  confirmed:\n", "  ask_video:\n    say: { nb: \"Video?\" }\n    next: confirmed\n  confirmed:\n"));
        assertThat(send("GET", "/api/admin/scripts/contact/diagram.svg?of=draft", null).body()).contains("data-id=\"ask_video\"");

        send("PUT", "/api/admin/scripts/contact/draft", yaml.replace("  ask_channel:\n    say:\n", "  ask_channel:\n   say:\n"));
        HttpResponse<String> broken = send("GET", "/api/admin/scripts/contact/diagram.svg?of=draft", null);
        assertThat(broken.statusCode()).isEqualTo(422);
        JsonNode problem = Json.MAPPER.readTree(broken.body()).get("problems").get(0);
        int wait = yaml.substring(0, yaml.indexOf("    wait:", yaml.indexOf("  ask_channel:"))).split("\n", -1).length;
        assertThat(problem.get("line").asInt()).as(problem.toString()).isEqualTo(wait); // where the indentation stops making sense
    }

    @Test
    void transcripts_run_on_demand_against_the_text_given_and_say_which_turn_failed() throws Exception {
        String yaml = Files.readString(Path.of("conversations/contact.yaml"));
        HttpResponse<String> good = send("POST", "/api/admin/scripts/contact/transcripts", yaml);
        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        JsonNode ok = Json.MAPPER.readTree(good.body());
        assertThat(ok.get("passed").asInt()).isEqualTo(2);
        assertThat(ok.get("failed").asInt()).isZero();

        HttpResponse<String> changed = send("POST", "/api/admin/scripts/contact/transcripts", yaml.replace("Hva vil du snakke om?", "Hva gjelder det?"));
        JsonNode result = Json.MAPPER.readTree(changed.body());
        assertThat(result.get("failed").asInt()).isEqualTo(1);
        JsonNode first = result.get("transcripts").get(0);
        assertThat(first.get("file").asText()).isEqualTo("contact-happy-path-nb.yaml");
        assertThat(first.get("passed").asBoolean()).isFalse();
        JsonNode turns = first.get("turns");
        assertThat(turns).hasSize(8);
        assertThat(turns.get(0).get("passed").asBoolean()).isTrue();
        assertThat(turns.get(1).get("passed").asBoolean()).isFalse();
        assertThat(turns.get(1).get("in").asText()).isEqualTo("1");
        assertThat(turns.get(1).get("out").get(0).asText()).startsWith("Hva gjelder det?");
        assertThat(turns.get(1).get("failures").get(0).asText()).startsWith("expected [Hva vil du snakke om?").contains("but the bot sent [Hva gjelder det?");
        for (int i = 2; i < turns.size(); i++) {
            assertThat(turns.get(i).get("passed").asBoolean()).as("turn " + (i + 1)).isTrue();
        }
        assertThat(first.get("endFailures")).isEmpty();
        assertThat(result.get("transcripts").get(1).get("passed").asBoolean()).isTrue();

        HttpResponse<String> invalid = send("POST", "/api/admin/scripts/contact/transcripts", yaml.replace("next: ask_name", "next: ask_nam"));
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("'ask_nam' is not a step");
        assertThat(admin.get("/api/admin/scripts").json().findValues("version")).allMatch(v -> v.asInt() == 1);
    }

    @Test
    void settings_are_checked_with_each_problem_at_its_line() throws Exception {
        String hours = send("GET", "/api/admin/settings/ambulant_hours", null).body();
        assertThat(hours).contains("from: \"15:30\"");
        JsonNode clean = Json.MAPPER.readTree(send("POST", "/api/admin/settings/ambulant_hours/validate", hours).body());
        assertThat(clean.get("errors").asInt()).isZero();

        String bad = hours.replaceFirst("from: \"11:00\"", "from: \"25:00\"");
        int line = (int) bad.substring(0, bad.indexOf("\"25:00\"")).chars().filter(ch -> ch == '\n').count() + 1;
        JsonNode checked = Json.MAPPER.readTree(send("POST", "/api/admin/settings/ambulant_hours/validate", bad).body());
        assertThat(checked.get("errors").asInt()).isEqualTo(1);
        assertThat(checked.get("problems").get(0).get("line").asInt()).isEqualTo(line);
        assertThat(checked.get("problems").get(0).get("message").asText()).contains("from");

        JsonNode unknown = Json.MAPPER.readTree(send("POST", "/api/admin/settings/ambulant_hours/validate", hours + "opening: soon\n").body());
        assertThat(unknown.get("problems").get(0).get("line").asInt()).isEqualTo((int) hours.lines().count() + 1);

        String offers = send("GET", "/api/admin/settings/offers", null).body();
        String badOffers = offers.replaceFirst("(?m)^(\\s+)time: \"18:00\"", "$1time: \"18:75\"");
        int offerLine = (int) badOffers.substring(0, badOffers.indexOf("\"18:75\"")).chars().filter(ch -> ch == '\n').count() + 1;
        JsonNode offerProblems = Json.MAPPER.readTree(send("POST", "/api/admin/settings/offers/validate", badOffers).body());
        assertThat(offerProblems.get("problems")).anySatisfy(p -> {
            assertThat(p.get("severity").asText()).isEqualTo("error");
            assertThat(p.get("line").asInt()).isEqualTo(offerLine);
        });

        HttpResponse<String> refused = send("PUT", "/api/admin/settings/ambulant_hours", bad);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Json.MAPPER.readTree(refused.body()).get("located").get(0).get("line").asInt()).isEqualTo(line);
        assertThat(send("POST", "/api/admin/settings/nothing/validate", hours).statusCode()).isEqualTo(404);
    }
}
