package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.inbox.Inbox;
import no.kontakt.store.ContactRequest;
import java.nio.file.Files;
import no.kontakt.config.ConfigLoader;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.Await;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services and the safety net through the real webhook, with signed requests. */
class SafetyNetTest {
    @TempDir
    Path data;

    private Kontakt start(MutableClock clock, Map<String, String> extraEnv) {
        var env = TestKontakt.env(data);
        env.putAll(extraEnv);
        return Kontakt.create(TestKontakt.config(env), env::get, clock).serve();
    }

    @Test
    void a_contact_request_made_by_sms_is_stored_and_in_the_staff_queue() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        try (Kontakt kontakt = start(clock, Map.of())) {
            TwilioRequests twilio = new TwilioRequests(kontakt.port());
            String from = "+4791234567";
            for (String message : new String[] {"hei", "1", "Jeg sover dårlig", "1"}) {
                assertThat(twilio.sms(from, message).statusCode()).isEqualTo(200);
            }
            assertThat(new Inbox(kontakt.stores().contactRequests()).openRequests()).isEmpty();
            twilio.sms(from, "etter 16");
            twilio.sms(from, "Kari");
            twilio.sms(from, "0"); // nothing on what matters now
            String confirmation = twilio.sms(from, "0").body(); // no crisis plan or contact person
            assertThat(confirmation).as("nobody is at work after 16: said, with when instead").contains("Takk, Kari! Vi ringer deg innen i morgen kl. 10.00, for vi er ikke på jobb i dag etter kl. 16.");

            var queue = new Inbox(kontakt.stores().contactRequests()).openRequests();
            assertThat(queue).hasSize(1);
            ContactRequest request = queue.get(0);
            assertThat(request.channel()).isEqualTo("call");
            assertThat(request.name()).isEqualTo("Kari");
            assertThat(request.topic()).isEqualTo("Jeg sover dårlig");
            assertThat(request.window()).isEqualTo("2026-11-24T16:00:00+01:00/2026-11-24T21:00:00+01:00");
            assertThat(request.windowText()).isEqualTo("etter 16");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "NO | jeg vil ikke leve lenger     | 113 | 116 123",
            "NO | eg vil ikkje leve lenger     | 113 | 116 123",
            "DK | jeg vil ikke leve længere    | 112 | 70 201 201",
            "SE | jag vill inte leva längre    | 112 | 90101",
            "NO | I don't want to live anymore | 113 | 116 123"})
    void a_risk_message_at_any_step_gets_the_emergency_numbers_in_the_very_next_reply(
            String country, String message, String emergency, String crisisLine) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
        Path config = data.resolve("kontakt-" + country + ".yaml");
        String yaml = Files.readString(Path.of("config/kontakt.yaml")).replace("country: NO", "country: " + country)
                .replaceAll("(?s)\nemergency:.*?\n\n", "DK".equals(country) ? "\nemergency:\n  region: hovedstaden\n\n" : "\n\n");
        Files.writeString(config, yaml);
        var env = TestKontakt.env(data.resolve(country));
        var unitConfig = new ConfigLoader(env::get).load(config);
        for (String[] before : new String[][] {{}, {"hei"}, {"hei", "1"}, {"hei", "1", "noe", "2"}, {"hei", "3"}, {"hei", "4"}}) {
            try (Kontakt kontakt = Kontakt.create(unitConfig, env::get, clock).serve()) {
                TwilioRequests twilio = new TwilioRequests(kontakt.port());
                String from = "+47" + (90000000 + before.length);
                for (String m : before) {
                    twilio.sms(from, m);
                }
                String reply = twilio.sms(from, message).body();
                assertThat(reply).as("after %s", String.join(",", before)).containsPattern("(ring|call) " + emergency).contains(crisisLine);
                String id = kontakt.conversations().conversationId("sms", from);
                assertThat(kontakt.stores().conversations().find(id).orElseThrow().urgent()).isTrue();
            }
        }
    }

    @Test
    void a_risk_message_in_ambulant_hours_alerts_the_on_call_phone_with_no_content() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T21:15:00Z")); // Saturday 22:15 in Oslo
        RecordingSender sms = new RecordingSender();
        var env = TestKontakt.env(data);
        env.put("KONTAKT_ONCALL_PHONES", "+4799887766");
        try (Kontakt kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", sms), null)).serve()) {
            TwilioRequests twilio = new TwilioRequests(kontakt.port());
            twilio.sms("+4791234567", "hei");
            assertThat(twilio.sms("+4791234567", "har tatt masse piller").body()).contains("113");
            twilio.sms("+4791234567", "hjelp meg, jeg har tatt masse piller");
            kontakt.outbox().dispatchDue();
            Await.until("the on-call alert is sent", () -> !sms.sent().isEmpty());
            assertThat(sms.sent()).hasSize(1);
            assertThat(sms.sent().get(0).to()).isEqualTo("+4799887766");
            assertThat(sms.sent().get(0).body()).doesNotContain("piller").doesNotContain("4567");
        }
    }

    @Test
    void outside_ambulant_hours_a_risk_message_alerts_nobody_but_stays_urgent() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z")); // Tuesday 10:00
        RecordingSender sms = new RecordingSender();
        var env = TestKontakt.env(data);
        env.put("KONTAKT_ONCALL_PHONES", "+4799887766");
        try (Kontakt kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", sms), null)).serve()) {
            TwilioRequests twilio = new TwilioRequests(kontakt.port());
            twilio.sms("+4791234567", "jeg vil dø");
            kontakt.outbox().dispatchDue();
            assertThat(sms.sent()).isEmpty();
            assertThat(new Inbox(kontakt.stores().contactRequests()).openRequests()).isEmpty();
            String id = kontakt.conversations().conversationId("sms", "+4791234567");
            assertThat(kontakt.stores().conversations().find(id).orElseThrow().urgent()).isTrue();
            assertThat(kontakt.stores().conversations().find(id).orElseThrow().status()).isEqualTo("waiting");
        }
    }
}
