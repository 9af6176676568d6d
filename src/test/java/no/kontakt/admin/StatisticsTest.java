package no.kontakt.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.kontakt.Kontakt;
import no.kontakt.store.mapdb.MapDbStorage;
import no.kontakt.testing.Api;
import no.kontakt.testing.MutableClock;
import no.kontakt.testing.RecordingSender;
import no.kontakt.testing.TestKontakt;
import no.kontakt.testing.TwilioRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After a scripted series of conversations the statistics count them — and hold no number and no text. */
class StatisticsTest {
    @TempDir
    Path data;

    @Test
    void a_week_of_conversations_in_numbers_and_nothing_personal() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z")); // Tuesday 10:00, week 48
        RecordingSender sms = new RecordingSender();
        var env = TestKontakt.withoutSecondFactor(TestKontakt.env(data)); // about something else: see SignInTest
        try (Kontakt kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", sms), null)).serve()) {
            kontakt.accounts().add("kari", "staff", "a long staff password".toCharArray());
            kontakt.accounts().add("ola", "admin", "a long admin password".toCharArray());
            TwilioRequests twilio = new TwilioRequests(kontakt.port());
            Map<String, List<String>> people = new HashMap<>();
            people.put("+4791000001", List.of("hei", "1", "Jeg sover dårlig", "1", "etter 16", "Per", "0", "0")); // contact request, nb
            people.put("+4791000002", List.of("hei", "3", "nei"));                                        // ambulant, closed, nb
            people.put("+4520000003", List.of("hej", "1", "0", "2", "i morgen", "0", "0", "0"));           // contact request, da
            people.put("+4791000004", List.of("jeg vil ikke leve lenger"));                                // risk
            people.put("+4791000005", List.of("hei", "STOPP"));                                           // opt-out
            people.forEach((from, messages) -> messages.forEach(m -> twilio.sms(from, m)));

            Api staff = new Api(kontakt.port());
            staff.login("kari", "a long staff password");
            String first = kontakt.conversations().conversationId("sms", "+4791000001");
            clock.advance(Duration.ofHours(2));
            staff.post("/api/inbox/conversations/" + first + "/reply", "{\"text\":\"Hei Per, dette er Kari. Passer det å ringe nå?\"}");
            staff.post("/api/inbox/conversations/" + first + "/close", "{\"outcome\":\"samtale\"}");
            kontakt.outbox().dispatchDue();
            clock.advance(Duration.ofMinutes(61));
            assertThat(kontakt.feedback().sendDue()).isEqualTo(1);
            assertThat(kontakt.feedback().sendDue()).isZero();
            assertThat(twilio.sms("+4791000001", "4").body()).contains("Takk for svaret!");

            Api admin = new Api(kontakt.port());
            admin.login("ola", "a long admin password");
            JsonNode rows = admin.get("/api/admin/stats").json().get("rows");
            assertThat(count(rows, "conversations", "nb/sms")).isEqualTo(4);
            assertThat(count(rows, "conversations", "da/sms")).isEqualTo(1);
            assertThat(count(rows, "entries", "contact/nb")).isEqualTo(1);
            assertThat(count(rows, "entries", "contact/da")).isEqualTo(1);
            assertThat(count(rows, "entries", "ambulant/nb")).isEqualTo(1);
            assertThat(count(rows, "actions", "request_contact/created")).isEqualTo(2);
            assertThat(count(rows, "actions", "ambulant_status/closed")).isEqualTo(1);
            assertThat(count(rows, "risk_flags", "nb")).isEqualTo(1);
            assertThat(count(rows, "opt_outs", "nb")).isEqualTo(1);
            assertThat(count(rows, "closed", "")).isEqualTo(1);
            assertThat(count(rows, "first_contact_seconds", "normal")).isEqualTo(1);
            assertThat(row(rows, "first_contact_seconds", "normal").get("median").asDouble()).isEqualTo(2 * 3600.0);
            assertThat(row(rows, "feedback", "contact").get("average").asDouble()).isEqualTo(4.0);
            assertThat(count(rows, "sms_segments", "")).isGreaterThan(10);

            String json = admin.get("/api/admin/stats").body();
            String csv = admin.get("/api/admin/stats.csv").body();
            assertThat(csv).startsWith("week,metric,dimension,count,median,p90,average\n").contains("2026-W48,risk_flags,nb,1,");
            for (String personal : List.of("91000001", "20000003", "sover", "Per", "leve", "Kari", "+47", "+45", "sms-")) {
                assertThat(json).doesNotContain(personal);
                assertThat(csv).doesNotContain(personal);
            }
        }
    }

    private static JsonNode row(JsonNode rows, String metric, String dimension) {
        for (JsonNode r : rows) {
            if (r.get("metric").asText().equals(metric) && r.get("dimension").asText().equals(dimension)) {
                return r;
            }
        }
        return null;
    }

    private static long count(JsonNode rows, String metric, String dimension) {
        JsonNode r = row(rows, metric, dimension);
        return r == null ? 0 : r.get("count").asLong();
    }
}
