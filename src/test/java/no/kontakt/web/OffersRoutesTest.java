package no.kontakt.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import no.kontakt.Kontakt;
import no.kontakt.offers.Offer;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /offers.ics over real HTTP, with the shipped catalogue, read by ical4j. */
class OffersRoutesTest {
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @TempDir
    Path dataDir;
    Kontakt kontakt;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        kontakt = TestKontakt.start(dataDir, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        kontakt.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + kontakt.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_feed_parses_and_holds_every_public_session_of_the_coming_90_days() throws Exception {
        HttpResponse<String> response = get("/offers.ics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/calendar; charset=utf-8");
        assertThat(response.body()).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");

        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        var catalogue = kontakt.offers().catalogue();
        Set<String> expected = catalogue.sessions(NOW, NOW.plus(Duration.ofDays(90))).stream()
                .filter(s -> catalogue.find(s.offerId()).map(Offer::isPublic).orElseThrow())
                .map(s -> s.offerId() + "-" + s.start().toLocalDateTime().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm"))
                        + "@" + TestKontakt.config(TestKontakt.env(dataDir)).server().publicUrl().getHost() + " " + s.start().toInstant())
                .collect(Collectors.toSet());
        Set<String> got = calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .map(e -> e.<Property>getProperty(Property.UID).orElseThrow().getValue() + " "
                        + ZonedDateTime.from(e.getStartDate().orElseThrow().getDate()).toInstant())
                .collect(Collectors.toSet());
        assertThat(got).isEqualTo(expected);
        assertThat(got).anyMatch(s -> s.startsWith("dagstur-20261205T1000@")).anyMatch(s -> s.startsWith("kid-20270112T1800@"))
                .noneMatch(s -> s.startsWith("sorggruppe-"));
        assertThat(response.body()).contains("SUMMARY:Kurs i depresjonsmestring (KiD)");
    }

    @Test
    void another_language_and_a_wrong_one() throws Exception {
        assertThat(get("/offers.ics?lang=en").body()).contains("SUMMARY:Coping with depression course (KiD)");
        HttpResponse<String> wrong = get("/offers.ics?lang=fr");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("\"error\":\"bad_request\"").contains("lang must be one of [nb, nn, da, sv, en].");
    }
}
