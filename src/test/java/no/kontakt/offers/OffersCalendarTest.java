package no.kontakt.offers;

import static no.kontakt.offers.OffersFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The iCalendar feed, parsed by ical4j the way a calendar client reads it. */
class OffersCalendarTest {
    final OffersFixture f = new OffersFixture();
    final OffersCalendar calendar = new OffersCalendar(f.catalogue, "Psykisk helse og rus", "sms.kommune.no", Duration.ofDays(90));

    @AfterEach
    void close() {
        f.close();
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents(Component.VEVENT);
    }

    static String value(Component component, String property) {
        return component.<Property>getProperty(property).map(Property::getValue).orElse(null);
    }

    /** Every public meeting of the coming period, as the catalogue expands them: the feed must hold exactly these. */
    static Set<String> publicSessions(Catalogue catalogue, Instant now, int days) {
        return catalogue.sessions(now, now.plus(Duration.ofDays(days))).stream()
                .filter(s -> catalogue.find(s.offerId()).orElseThrow().isPublic())
                .map(s -> s.offerId() + "@" + s.start().toOffsetDateTime()).collect(Collectors.toSet());
    }

    static Set<String> sessionsIn(Calendar calendar) {
        return events(calendar).stream().map(e -> {
            Temporal start = e.getStartDate().orElseThrow().getDate();
            String uid = value(e, Property.UID);
            return uid.substring(0, uid.lastIndexOf('-')) + "@" + ZonedDateTime.from(start).toOffsetDateTime();
        }).collect(Collectors.toSet());
    }

    @Test
    void holds_every_public_meeting_of_the_period_and_no_other() throws Exception {
        Calendar parsed = parse(calendar.render(NOW, "nb"));
        Set<String> expected = publicSessions(f.catalogue, NOW, 90);
        assertThat(expected).hasSizeGreaterThan(50).noneMatch(s -> s.startsWith("closed@")).noneMatch(s -> s.startsWith("past@"));
        assertThat(sessionsIn(parsed)).isEqualTo(expected);
        assertThat(events(parsed)).hasSize(expected.size());
        assertThat(events(parsed)).noneMatch(e -> value(e, Property.SUMMARY).equals("Sorggruppe"));
    }

    @Test
    void each_event_has_its_title_description_place_organiser_and_local_times() throws Exception {
        Calendar parsed = parse(calendar.render(NOW, "en"));
        VEvent trip = events(parsed).stream().filter(e -> value(e, Property.UID).startsWith("trip-")).findFirst().orElseThrow();
        assertThat(value(trip, Property.UID)).isEqualTo("trip-20261205T1000@sms.kommune.no");
        assertThat(value(trip, Property.SUMMARY)).isEqualTo("Day trip");
        assertThat(value(trip, Property.DESCRIPTION)).isEqualTo("To the cabin.");
        assertThat(value(trip, Property.LOCATION)).isEqualTo("Kongens gate 12");
        assertThat(value(trip, Property.CONTACT)).isEqualTo("Marborg");
        assertThat(trip.getStartDate().orElseThrow().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Oslo");
        assertThat(ZonedDateTime.from(trip.getStartDate().orElseThrow().getDate()).toInstant()).isEqualTo(Instant.parse("2026-12-05T09:00:00Z"));
        assertThat(ZonedDateTime.from(trip.getEndDate().orElseThrow().getDate()).toInstant()).isEqualTo(Instant.parse("2026-12-05T15:00:00Z"));
        assertThat(parsed.getComponents(Component.VTIMEZONE)).hasSize(1);
        assertThat(parsed.validate().hasErrors()).as(parsed.validate().toString()).isFalse();
    }

    @Test
    void uids_are_stable_and_unique() throws Exception {
        List<String> first = events(parse(calendar.render(NOW, "nb"))).stream().map(e -> value(e, Property.UID)).toList();
        List<String> later = events(parse(calendar.render(NOW.plusSeconds(3600), "nb"))).stream().map(e -> value(e, Property.UID)).toList();
        assertThat(first).doesNotHaveDuplicates();
        assertThat(later).isSubsetOf(first);
    }

    @Test
    void summer_time_meetings_keep_their_local_time() throws Exception {
        Instant june = Instant.parse("2026-06-01T08:00:00Z");
        VEvent cafe = events(parse(calendar.render(june, "nb"))).get(0);
        assertThat(ZonedDateTime.from(cafe.getStartDate().orElseThrow().getDate()).toOffsetDateTime()).hasToString("2026-06-01T11:00+02:00");
    }

    @Test
    void escapes_text_and_folds_long_lines_at_75_octets() {
        assertThat(OffersCalendar.text("a, b; c\\d\ne")).isEqualTo("a\\, b\\; c\\\\d\\ne");
        StringBuilder out = new StringBuilder();
        OffersCalendar.line(out, "DESCRIPTION:" + "æ".repeat(60));
        for (String line : out.toString().split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(out.toString().replace("\r\n ", "")).isEqualTo("DESCRIPTION:" + "æ".repeat(60) + "\r\n");
    }
}
