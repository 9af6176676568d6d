package no.kontakt.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class SessionWordsTest {
    static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-24T10:00:00+01:00[Europe/Oslo]");

    static ZonedDateTime at(String local) {
        return ZonedDateTime.parse(local + "+01:00[Europe/Oslo]");
    }

    @Test
    void says_today_and_tomorrow() {
        assertThat(SessionWords.full(at("2026-11-24T18:00:00"), NOW, "nb")).isEqualTo("i dag kl. 18.00");
        assertThat(SessionWords.full(at("2026-11-25T12:30:00"), NOW, "nn")).isEqualTo("i morgon kl. 12.30");
        assertThat(SessionWords.full(at("2026-11-25T12:30:00"), NOW, "da")).isEqualTo("i morgen kl. 12.30");
        assertThat(SessionWords.full(at("2026-11-25T12:30:00"), NOW, "sv")).isEqualTo("i morgon kl. 12.30");
        assertThat(SessionWords.full(at("2026-11-25T12:30:00"), NOW, "en")).isEqualTo("tomorrow at 12.30pm");
    }

    @Test
    void says_the_weekday_and_date_in_each_language() {
        ZonedDateTime thursday = at("2026-11-26T16:00:00");
        assertThat(SessionWords.full(thursday, NOW, "nb")).isEqualTo("torsdag 26. november kl. 16.00");
        assertThat(SessionWords.full(at("2026-12-01T18:00:00"), NOW, "nn")).isEqualTo("tysdag 1. desember kl. 18.00");
        assertThat(SessionWords.full(thursday, NOW, "da")).isEqualTo("torsdag den 26. november kl. 16.00");
        assertThat(SessionWords.full(at("2026-12-05T10:00:00"), NOW, "sv")).isEqualTo("lördag 5 december kl. 10.00");
        assertThat(SessionWords.full(thursday, NOW, "en")).isEqualTo("Thursday 26 November at 4pm");
    }

    @Test
    void lists_say_the_weekday_within_a_week_and_else_the_date() {
        assertThat(SessionWords.brief(at("2026-11-30T18:00:00"), NOW, "nb")).isEqualTo("mandag kl. 18.00");
        assertThat(SessionWords.brief(at("2026-12-01T18:00:00"), NOW, "nb")).isEqualTo("1. desember kl. 18.00");
        assertThat(SessionWords.brief(at("2027-01-12T18:00:00"), NOW, "en")).isEqualTo("12 January at 6pm");
        assertThat(SessionWords.brief(at("2026-11-24T11:00:00"), NOW, "sv")).isEqualTo("i dag kl. 11.00");
    }

    @Test
    void gives_the_year_only_far_ahead() {
        assertThat(SessionWords.full(ZonedDateTime.of(java.time.LocalDateTime.of(2027, 8, 17, 18, 0), NOW.getZone()), NOW, "nb"))
                .isEqualTo("tirsdag 17. august 2027 kl. 18.00");
    }

    @Test
    void says_the_clock() {
        assertThat(SessionWords.clock(LocalTime.of(9, 5), "nb")).isEqualTo("kl. 09.05");
        assertThat(SessionWords.clock(LocalTime.of(12, 0), "en")).isEqualTo("at noon");
        assertThat(SessionWords.clock(LocalTime.of(0, 30), "en")).isEqualTo("at 12.30am");
        assertThat(SessionWords.clock(LocalTime.of(18, 0), "fr")).isEqualTo("at 6pm");
    }
}
