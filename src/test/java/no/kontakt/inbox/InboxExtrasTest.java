package no.kontakt.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

/** The OpenAPI file against the routes, live events, and escalation near the end of the promised time. */
class InboxExtrasTest {
    @TempDir
    Path data;
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    RecordingSender sms = new RecordingSender();
    Kontakt kontakt;

    @BeforeEach
    void start() {
        var env = TestKontakt.env(data);
        env.put("KONTAKT_ONCALL_PHONES", "+4799887766");
        kontakt = Kontakt.create(TestKontakt.config(env), MapDbStorage.open(data), env::get, clock,
                new Kontakt.Options(Map.of("sms", sms), null)).serve();
        kontakt.accounts().add("kari", "staff", "a long staff password".toCharArray());
    }

    @AfterEach
    void stop() {
        kontakt.close();
    }

    @Test
    void the_openapi_file_documents_exactly_the_registered_routes() throws Exception {
        Set<String> registered = new TreeSet<>();
        kontakt.server().unsafe.internalRouter.allHttpHandlers().forEach(e -> {
            String method = e.endpoint.method.name();
            if (!Set.of("BEFORE", "BEFORE_MATCHED", "AFTER", "AFTER_MATCHED", "HEAD", "OPTIONS").contains(method)) {
                registered.add(method + " " + e.endpoint.path);
            }
        });
        var spec = Json.MAPPER.readTree(new TwilioRequests(kontakt.port()).get("/openapi.json").body());
        Set<String> documented = new TreeSet<>();
        spec.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(m -> documented.add(m.toUpperCase() + " " + p.getKey())));
        assertThat(documented).isEqualTo(registered);
    }

    @Test
    void staff_see_a_new_urgent_message_arrive_live() throws Exception {
        Api api = new Api(kontakt.port());
        String token = api.login("kari", "a long staff password").json().get("token").asText();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + kontakt.port() + "/api/inbox/events"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        HttpResponse<java.io.InputStream> stream = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        CompletableFuture<String> urgent = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("event: urgent")) {
                        return lines.readLine();
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                return null;
            }
        });
        long deadline = System.currentTimeMillis() + 5000;
        while (kontakt.inbox() != null && System.currentTimeMillis() < deadline && !urgent.isDone()) {
            new TwilioRequests(kontakt.port()).sms("+4791234567", "jeg vil ta livet mitt");
            try {
                String data = urgent.get(500, TimeUnit.MILLISECONDS);
                assertThat(data).startsWith("data: ").contains("\"type\":\"urgent\"").doesNotContain("livet");
                return;
            } catch (java.util.concurrent.TimeoutException notYet) {
                // the subscription may not be registered yet
            }
        }
        throw new AssertionError("no urgent event arrived");
    }

    @Test
    void a_conversation_near_the_end_of_the_promise_is_escalated_once_with_an_on_call_alert_in_ambulant_hours() {
        TwilioRequests twilio = new TwilioRequests(kontakt.port());
        twilio.sms("+4791234567", "hei");
        twilio.sms("+4791234567", "4"); // waiting for a person since Tuesday 10:00
        Duration promise = Duration.ofMinutes(450);
        assertThat(kontakt.inbox().escalate(promise, 0.8, alerts())).isZero();
        clock.set(Instant.parse("2026-11-25T08:00:00Z")); // Wednesday 09:00: 5.5 h + 1 h of opening time, 87 %
        assertThat(kontakt.inbox().escalate(promise, 0.8, alerts())).isEqualTo(1);
        assertThat(kontakt.inbox().escalate(promise, 0.8, alerts())).isZero();
        kontakt.outbox().dispatchDue();
        assertThat(sms.sent()).isEmpty(); // 09:00 is not ambulant time: nobody on call to alert
    }

    private OnCallAlerts alerts() {
        return new OnCallAlerts(kontakt.stores().outbox(), new no.kontakt.hours.Hours(kontakt.services().ambulantHours()), java.util.List.of("+4799887766"));
    }
}
