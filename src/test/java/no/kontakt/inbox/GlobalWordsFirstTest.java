package no.kontakt.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Global words first: while an appointment waits for its JA/NEI, a global word (SLETT, STOPP…) and the JA that
 * confirms it belong to the global word, never to the appointment — over real HTTP, on a real store.
 */
class GlobalWordsFirstTest {
    @TempDir
    Path data;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z")); // Tuesday 10:00 in Oslo
    RecordingSender sms = new RecordingSender();
    Kontakt kontakt;
    TwilioRequests twilio;

    @BeforeEach
    void start() {
        var env = TestKontakt.env(data);
        kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", sms), null)).serve();
        kontakt.accounts().add("kari", "staff", "a long staff password".toCharArray());
        twilio = new TwilioRequests(kontakt.port());
    }

    @AfterEach
    void stop() {
        kontakt.close();
    }

    /** A conversation in {@code hello}'s language handed to a person, with an appointment waiting for its answer. */
    private String withAppointment(String citizen, String hello) {
        twilio.sms(citizen, hello);
        twilio.sms(citizen, "4");
        String id = kontakt.conversations().conversationId("sms", citizen);
        Api api = new Api(kontakt.port());
        assertThat(api.login("kari", "a long staff password").status()).isEqualTo(200);
        assertThat(api.post("/api/inbox/conversations/" + id + "/appointments",
                "{\"startsAt\":\"2026-11-26T14:00:00+01:00\",\"place\":\"Kirkegata 1\",\"with\":\"Kari\"}").status()).isEqualTo(201);
        return id;
    }

    private String answer(String id) {
        return kontakt.stores().staff().appointments(id).stream().findFirst().map(a -> String.valueOf(a.answer())).orElse("gone");
    }

    @ParameterizedTest
    @CsvSource({
            "+4791234501, hei, SLETT, JA, er slettet",
            "+4791234502, hei, glem meg, ja, er slettet",
            "+4520123403, hej, SLET, JA, er slettet",
            "+46701234504, hej, RADERA, JA, är raderat",
            "+447700900505, hello, DELETE, YES, has been deleted"})
    void erase_and_its_yes_go_to_the_erasure_not_to_the_waiting_appointment(String citizen, String hello, String erase, String yes, String erased) {
        String id = withAppointment(citizen, hello);
        assertThat(answer(id)).isEqualTo("null");
        assertThat(twilio.sms(citizen, erase).body()).as("the erasure asks first").containsAnyOf("JA", "YES");
        String reply = twilio.sms(citizen, yes).body();
        assertThat(reply).contains(erased).doesNotContain("Vi sees", "Vi ses", "See you");
        assertThat(kontakt.stores().conversations().find(id)).as("the conversation is erased").isEmpty();
        assertThat(answer(id)).as("the appointment was never answered yes; it went with the erasure").isEqualTo("gone");
    }

    @Test
    void no_to_the_erasure_keeps_everything_and_the_next_yes_answers_the_appointment() {
        String citizen = "+4791234599";
        String id = withAppointment(citizen, "hei");
        twilio.sms(citizen, "SLETT");
        assertThat(twilio.sms(citizen, "nei").body()).contains("vi sletter ingenting");
        assertThat(answer(id)).as("the NEI to the erasure is not a NEI to the appointment").isEqualTo("null");
        assertThat(twilio.sms(citizen, "ja").body()).contains("Takk! Vi sees.");
        assertThat(answer(id)).isEqualTo("yes");
    }

    @Test
    void without_the_precedence_the_yes_would_go_to_the_appointment() {
        // the same message with no erasure pending is the appointment's answer: the test above can fail
        String citizen = "+4791234598";
        String id = withAppointment(citizen, "hei");
        assertThat(twilio.sms(citizen, "JA").body()).contains("Takk! Vi sees.");
        assertThat(answer(id)).isEqualTo("yes");
    }

    @Test
    void staff_see_what_matters_the_crisis_plan_and_the_corrected_window_on_one_request() {
        String citizen = "+4791234597";
        twilio.sms(citizen, "kan noen ringe meg i morgen");
        twilio.sms(citizen, "Jeg sover dårlig");
        twilio.sms(citizen, "Kari");
        twilio.sms(citizen, "Å komme meg på jobb igjen");
        assertThat(twilio.sms(citizen, "1").body()).contains("Takk, Kari! Vi ringer deg i morgen.");
        assertThat(twilio.sms(citizen, "send heller sms").body()).contains("Vi sender deg en SMS i morgen.");
        Api api = new Api(kontakt.port());
        assertThat(api.login("kari", "a long staff password").status()).isEqualTo(200);
        var requests = api.get("/api/inbox/contact-requests").json();
        assertThat(requests).as("the correction updated the request, it did not make a second one").hasSize(1);
        assertThat(requests.get(0).get("channel").asText()).isEqualTo("sms");
        assertThat(requests.get(0).get("matters").asText()).isEqualTo("Å komme meg på jobb igjen");
        assertThat(requests.get(0).get("support").asText()).isEqualTo("crisis_plan");
        assertThat(requests.get(0).get("topic").asText()).isEqualTo("Jeg sover dårlig");
    }
}
