package no.kontakt.offers;

import static no.kontakt.offers.OffersFixture.OSLO;
import static no.kontakt.offers.OffersFixture.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionRuleTest {
    static ZonedDateTime oslo(String offsetTime) {
        return at(offsetTime).atZone(OSLO);
    }

    static List<String> starts(List<OfferSession> sessions) {
        return sessions.stream().map(s -> s.start().toOffsetDateTime().toString()).toList();
    }

    @Test
    void a_weekly_rule_meets_on_its_days_between_its_dates_but_not_on_the_exceptions() {
        var rule = new SessionRule.Weekly(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(14, 0), Duration.ofMinutes(90),
                LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 25), Set.of(LocalDate.of(2027, 1, 14)));
        var sessions = rule.between("hap", oslo("2027-01-01T00:00:00+01:00"), oslo("2027-03-01T00:00:00+01:00"), OSLO);
        assertThat(starts(sessions)).containsExactly("2027-01-11T14:00+01:00", "2027-01-18T14:00+01:00", "2027-01-21T14:00+01:00",
                "2027-01-25T14:00+01:00");
        assertThat(sessions.get(0).end().toOffsetDateTime()).hasToString("2027-01-11T15:30+01:00");
        assertThat(sessions.get(0).key()).isEqualTo("hap/2027-01-11T14:00");
    }

    @Test
    void a_weekly_rule_without_an_end_runs_to_the_end_of_the_window() {
        var rule = new SessionRule.Weekly(Set.of(DayOfWeek.TUESDAY), LocalTime.of(11, 0), Duration.ofHours(1), LocalDate.of(2026, 1, 6), null, null);
        assertThat(rule.between("tur", oslo("2026-11-24T12:00:00+01:00"), oslo("2026-12-09T00:00:00+01:00"), OSLO))
                .hasSize(2).extracting(s -> s.start().toLocalDate()).containsExactly(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 8));
    }

    @Test
    void a_meeting_going_on_overlaps_the_window_and_counts() {
        var rule = new SessionRule.Weekly(Set.of(DayOfWeek.TUESDAY), LocalTime.of(23, 0), Duration.ofHours(2), LocalDate.of(2026, 11, 24), null, null);
        var sessions = rule.between("night", oslo("2026-11-25T00:30:00+01:00"), oslo("2026-11-26T00:00:00+01:00"), OSLO);
        assertThat(starts(sessions)).containsExactly("2026-11-24T23:00+01:00");
    }

    @Test
    void local_time_stays_the_same_across_the_autumn_change_of_clocks() {
        var rule = new SessionRule.Weekly(Set.of(DayOfWeek.TUESDAY, DayOfWeek.SUNDAY), LocalTime.of(18, 0), Duration.ofHours(2),
                LocalDate.of(2026, 10, 18), LocalDate.of(2026, 10, 27), null);
        var sessions = rule.between("kid", oslo("2026-10-01T00:00:00+02:00"), oslo("2026-11-01T00:00:00+01:00"), OSLO);
        assertThat(starts(sessions)).containsExactly("2026-10-18T18:00+02:00", "2026-10-20T18:00+02:00", "2026-10-25T18:00+01:00",
                "2026-10-27T18:00+01:00");
        assertThat(sessions).allSatisfy(s -> assertThat(Duration.between(s.start(), s.end())).isEqualTo(Duration.ofHours(2)));
        assertThat(sessions.get(1).start().toInstant()).hasToString("2026-10-20T16:00:00Z");
        assertThat(sessions.get(2).start().toInstant()).hasToString("2026-10-25T17:00:00Z");
    }

    @Test
    void local_time_stays_the_same_across_the_spring_change_of_clocks() {
        var rule = new SessionRule.Weekly(Set.of(DayOfWeek.SUNDAY), LocalTime.of(18, 0), Duration.ofHours(2),
                LocalDate.of(2027, 3, 21), LocalDate.of(2027, 4, 4), null);
        var sessions = rule.between("kid", oslo("2027-03-01T00:00:00+01:00"), oslo("2027-05-01T00:00:00+02:00"), OSLO);
        assertThat(starts(sessions)).containsExactly("2027-03-21T18:00+01:00", "2027-03-28T18:00+02:00", "2027-04-04T18:00+02:00");
    }

    @Test
    void a_time_the_clocks_skip_moves_after_the_gap_and_a_repeated_hour_takes_the_first() {
        var spring = new SessionRule.Weekly(Set.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30), Duration.ofHours(1),
                LocalDate.of(2027, 3, 28), LocalDate.of(2027, 3, 28), null);
        assertThat(starts(spring.between("x", oslo("2027-03-27T00:00:00+01:00"), oslo("2027-03-29T00:00:00+02:00"), OSLO)))
                .containsExactly("2027-03-28T03:30+02:00");
        var autumn = new SessionRule.Once(LocalDateTime.of(2026, 10, 25, 2, 30), Duration.ofHours(1));
        assertThat(starts(autumn.between("x", oslo("2026-10-24T00:00:00+02:00"), oslo("2026-10-26T00:00:00+01:00"), OSLO)))
                .containsExactly("2026-10-25T02:30+02:00");
    }

    @Test
    void a_single_meeting_is_in_the_window_only_when_it_overlaps_it() {
        var once = new SessionRule.Once(LocalDateTime.of(2026, 12, 5, 10, 0), Duration.ofHours(6));
        assertThat(once.between("trip", oslo("2026-12-05T15:00:00+01:00"), oslo("2026-12-06T00:00:00+01:00"), OSLO)).hasSize(1);
        assertThat(once.between("trip", oslo("2026-12-05T16:00:00+01:00"), oslo("2026-12-06T00:00:00+01:00"), OSLO)).isEmpty();
        assertThat(once.between("trip", oslo("2026-12-01T00:00:00+01:00"), oslo("2026-12-05T10:00:00+01:00"), OSLO)).isEmpty();
    }

    @Test
    void the_catalogue_finds_the_next_meeting_of_an_offer() {
        try (OffersFixture f = new OffersFixture()) {
            assertThat(f.catalogue.next(f.offer("course"), OffersFixture.NOW).orElseThrow().start().toOffsetDateTime())
                    .hasToString("2026-11-24T18:00+01:00");
            assertThat(f.catalogue.next(f.offer("cafe"), at("2026-11-24T12:00:00+01:00")).orElseThrow().start().toOffsetDateTime())
                    .as("the one going on").hasToString("2026-11-24T11:00+01:00");
            assertThat(f.catalogue.next(f.offer("past"), OffersFixture.NOW)).isEmpty();
            assertThat(f.catalogue.upcoming(f.offer("course"), OffersFixture.NOW)).hasSize(4);
        }
    }
}
