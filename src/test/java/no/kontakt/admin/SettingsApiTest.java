package no.kontakt.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hours, emergency numbers and offers edited over HTTP: validated, effective at once, kept across a restart. */
class SettingsApiTest {
    @TempDir
    Path data;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z")); // Tuesday 10:00: the ambulant team is off

    private Kontakt start() {
        var env = TestKontakt.withoutSecondFactor(TestKontakt.env(data)); // about something else: see SignInTest
        return Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", new RecordingSender()), null)).serve();
    }

    private static HttpResponse<String> put(Kontakt kontakt, String token, String name, String yaml) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + kontakt.port() + "/api/admin/settings/" + name))
                .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofString(yaml)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ambulant_hours_and_emergency_numbers_change_at_once_and_stay_after_a_restart() throws Exception {
        try (Kontakt kontakt = start()) {
            kontakt.accounts().add("ola", "admin", "a long admin password".toCharArray());
            Api admin = new Api(kontakt.port());
            String token = admin.login("ola", "a long admin password").json().get("token").asText();
            TwilioRequests twilio = new TwilioRequests(kontakt.port());
            twilio.sms("+4791234567", "hei");
            assertThat(twilio.sms("+4791234567", "3").body()).contains("ikke på jobb nå");

            String current = admin.get("/api/admin/settings/ambulant_hours").body();
            assertThat(current).contains("periods").contains("on_holidays");
            HttpResponse<String> bad = put(kontakt, token, "ambulant_hours", "periods:\n  - { days: [tue], from: \"25:00\", to: \"12:00\" }\n");
            assertThat(bad.statusCode()).isEqualTo(422);
            assertThat(Json.MAPPER.readTree(bad.body()).get("problems").get(0).asText()).startsWith("ambulant_hours: periods[0].from: ");
            HttpResponse<String> unknown = put(kontakt, token, "ambulant_hours", "perods: []\n");
            assertThat(unknown.body()).contains("unknown key");

            HttpResponse<String> good = put(kontakt, token, "ambulant_hours",
                    "periods:\n  - { days: [mon, tue, wed, thu, fri, sat, sun], from: \"08:00\", to: \"23:00\" }\non_holidays: like_sunday\n");
            assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
            twilio.sms("+4791234567", "meny");
            assertThat(twilio.sms("+4791234567", "3").body()).contains("på jobb nå");

            assertThat(put(kontakt, token, "emergency", "crisis_line: \"22 40 00 40\"\ncrisis_line_name: Kirkens SOS\n").statusCode()).isEqualTo(200);
            assertThat(twilio.sms("+4791112222", "jeg vil dø").body()).contains("Kirkens SOS svarer på 22 40 00 40").contains("ring 113");
            assertThat(admin.get("/api/admin/audit").json().findValuesAsText("action")).contains("setting");
        }
        try (Kontakt again = start()) {
            TwilioRequests twilio = new TwilioRequests(again.port());
            twilio.sms("+4790000009", "hei");
            assertThat(twilio.sms("+4790000009", "3").body()).contains("på jobb nå");
        }
    }

    @Test
    void a_broken_catalogue_is_refused_and_the_offers_stay() throws Exception {
        try (Kontakt kontakt = start()) {
            kontakt.accounts().add("ola", "admin", "a long admin password".toCharArray());
            Api admin = new Api(kontakt.port());
            String token = admin.login("ola", "a long admin password").json().get("token").asText();
            int before = kontakt.stores() == null ? 0 : admin.get("/api/admin/settings/offers").body().length();
            HttpResponse<String> refused = put(kontakt, token, "offers", "offers:\n  - id: x\n    category: nonsense\n");
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("offers.yaml");
            assertThat(admin.get("/api/admin/settings/offers").body().length()).isEqualTo(before);
        }
    }

    @Test
    void settings_that_would_switch_the_safety_net_off_are_refused_and_change_nothing() throws Exception {
        try (Kontakt kontakt = start()) {
            kontakt.accounts().add("ola", "admin", "a long admin password".toCharArray());
            Api admin = new Api(kontakt.port());
            String token = admin.login("ola", "a long admin password").json().get("token").asText();
            TwilioRequests twilio = new TwilioRequests(kontakt.port());
            String numbers = admin.get("/api/admin/settings/emergency").body();
            String hours = admin.get("/api/admin/settings/ambulant_hours").body();

            HttpResponse<String> word = put(kontakt, token, "emergency", "emergency_number: \"ring oss\"\n");
            assertThat(word.statusCode()).isEqualTo(422);
            assertThat(Json.MAPPER.readTree(word.body()).get("problems").get(0).asText())
                    .startsWith("emergency: emergency_number: 'ring oss' is not a phone number");
            assertThat(put(kontakt, token, "emergency", "emergency_number: \"\"\n").body()).contains("must be set");
            HttpResponse<String> empty = put(kontakt, token, "ambulant_hours", "periods: []\non_holidays: closed\n");
            assertThat(empty.statusCode()).isEqualTo(422);
            assertThat(empty.body()).contains("write closed: true");
            assertThat(admin.get("/api/admin/settings/emergency").body()).isEqualTo(numbers);
            assertThat(admin.get("/api/admin/settings/ambulant_hours").body()).isEqualTo(hours);
            assertThat(twilio.sms("+4791112222", "jeg vil dø").body()).contains("ring 113");

            HttpResponse<String> closed = put(kontakt, token, "ambulant_hours", "periods: []\nclosed: true\non_holidays: closed\n");
            assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
            assertThat(admin.get("/api/admin/settings/ambulant_hours").body()).contains("closed: true");
        }
    }
}
