package no.kontakt.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** A citizen's NEI to an offered appointment puts a follow-up in the staff queue, with the reason if they gave one. */
class AppointmentFollowUpTest {
    @TempDir
    Path data;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    Kontakt kontakt;
    TwilioRequests twilio;
    Api staff;

    @BeforeEach
    void start() {
        var env = TestKontakt.env(data);
        kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", new RecordingSender()), null)).serve();
        kontakt.accounts().add("kari", "staff", "a long staff password".toCharArray());
        twilio = new TwilioRequests(kontakt.port());
        staff = new Api(kontakt.port());
        assertThat(staff.login("kari", "a long staff password").status()).isEqualTo(200);
    }

    @AfterEach
    void stop() {
        kontakt.close();
    }

    /** A conversation that was handled and closed, with an appointment booked: nothing left in the queue. */
    private String bookedAndClosed(String number) {
        twilio.sms(number, "hei");
        twilio.sms(number, "4");
        String id = kontakt.conversations().conversationId("sms", number);
        assertThat(staff.post("/api/inbox/conversations/" + id + "/appointments",
                "{\"startsAt\":\"2026-11-26T14:00:00+01:00\",\"place\":\"Kirkegata 1\",\"with\":\"Kari\"}").status()).isEqualTo(201);
        staff.post("/api/inbox/conversations/" + id + "/close", "{\"outcome\":\"time avtalt\"}");
        assertThat(staff.get("/api/inbox/conversations?filter=waiting").json().get("conversations").findValuesAsText("id")).doesNotContain(id);
        return id;
    }

    @Test
    void a_no_with_a_reason_is_a_task_in_the_queue_marked_declined_with_the_reason_kept() {
        String id = bookedAndClosed("+4791234567");
        assertThat(twilio.sms("+4791234567", "nei, jeg jobber da").body()).contains("ny tid").doesNotContain("113");

        JsonNode queue = staff.get("/api/inbox/conversations?filter=waiting").json().get("conversations");
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).get("id").asText()).isEqualTo(id);
        assertThat(queue.get(0).get("appointmentDeclined").asBoolean()).isTrue();
        assertThat(queue.get(0).get("openRequests").asInt()).isEqualTo(1);

        JsonNode view = staff.get("/api/inbox/conversations/" + id).json();
        assertThat(view.get("appointments").get(0).get("answer").asText()).isEqualTo("no");
        assertThat(view.get("appointments").get(0).get("reason").asText()).isEqualTo("jeg jobber da");
        assertThat(view.get("contactRequests").findValuesAsText("topic")).containsExactly("Sa nei til timen 26.11. 14:00: «jeg jobber da»");
        assertThat(view.get("events").findValuesAsText("type")).contains("appointment_declined");
        assertThat(view.get("events").toString()).doesNotContain("jobber");

        staff.post("/api/inbox/conversations/" + id + "/close", "{\"outcome\":\"ny time avtalt\"}");
        assertThat(staff.get("/api/inbox/conversations?filter=waiting").json().get("conversations")).isEmpty();
    }

    @Test
    void a_bare_no_is_a_task_too_without_a_reason_and_a_yes_is_none() {
        String declined = bookedAndClosed("+4791234567");
        twilio.sms("+4791234567", "nei");
        String accepted = bookedAndClosed("+4791112222");
        twilio.sms("+4791112222", "ja");

        JsonNode queue = staff.get("/api/inbox/conversations?filter=waiting").json().get("conversations");
        assertThat(queue).extracting(q -> q.get("id").asText()).containsExactly(declined);
        JsonNode appointment = staff.get("/api/inbox/conversations/" + declined).json().get("appointments").get(0);
        assertThat(appointment.get("answer").asText()).isEqualTo("no");
        assertThat(appointment.has("reason") && !appointment.get("reason").isNull()).isFalse();
        assertThat(staff.get("/api/inbox/conversations/" + accepted).json().get("appointments").get(0).get("answer").asText()).isEqualTo("yes");
    }
}
