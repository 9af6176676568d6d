package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeWindowParserTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    /** Tuesday 24 November 2026, 10:00. */
    private static final ZonedDateTime TUESDAY_MORNING = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, OSLO);
    /** The same Tuesday, 22:30. */
    private static final ZonedDateTime TUESDAY_LATE = ZonedDateTime.of(2026, 11, 24, 22, 30, 0, 0, OSLO);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE dd HH:mm", java.util.Locale.ROOT);

    /** "asap", "empty" or "Tue 24 16:00 – Tue 24 21:00". */
    private static String read(String text, String language, ZonedDateTime now) {
        Optional<TimeWindow> w = TimeWindowParser.parse(text, language, now);
        if (w.isEmpty()) {
            return "empty";
        }
        assertThat(w.get().earliest().getZone()).isEqualTo(now.getZone());
        if (w.get().asap()) {
            assertThat(w.get().earliest()).isEqualTo(now);
            assertThat(w.get().latest()).isNull();
            return "asap";
        }
        return SHORT.format(w.get().earliest()) + " – " + SHORT.format(w.get().latest());
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" is as soon as possible")
    @CsvSource(delimiter = '|', textBlock = """
            nb | så fort som mulig
            nb | Så snart som mulig!
            nb | snarest
            nb | nå
            nb | NÅ!!
            nb | med en gang
            nb | asap
            nb | ASAP takk
            nb | når som helst
            nb | når det passer
            nb | når det passer dere
            nb | ring meg nå
            nn | så fort som mogleg
            nn | med ein gong
            nn | no
            da | hurtigst muligt
            da | så hurtigt som muligt
            da | nu
            da | når som helst
            da | straks
            sv | så snart som möjligt
            sv | så fort som möjligt
            sv | när som helst
            sv | nu
            sv | genast
            en | as soon as possible
            en | now
            en | right now
            en | anytime
            en | any time
            en | whenever
            en | Whenever you can
            """)
    void reads_as_soon_as_possible(String language, String text) {
        assertThat(read(text, language, TUESDAY_MORNING)).isEqualTo("asap");
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" at Tue 10:00 → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            nb | etter 16                   | Tue 24 16:00 – Tue 24 21:00
            nb | etter kl 16                | Tue 24 16:00 – Tue 24 21:00
            nb | Etter klokka 16            | Tue 24 16:00 – Tue 24 21:00
            nb | etter kl.16                | Tue 24 16:00 – Tue 24 21:00
            nb | eter 16                    | Tue 24 16:00 – Tue 24 21:00
            nb | etter 4                    | Tue 24 16:00 – Tue 24 21:00
            nb | etter fire                 | Tue 24 16:00 – Tue 24 21:00
            nb | etter 1600                 | Tue 24 16:00 – Tue 24 21:00
            da | efter kl 15                | Tue 24 15:00 – Tue 24 21:00
            da | efter 15.30                | Tue 24 15:30 – Tue 24 21:00
            da | efter kl. 15               | Tue 24 15:00 – Tue 24 21:00
            sv | efter 15:30                | Tue 24 15:30 – Tue 24 21:00
            en | after 4pm                  | Tue 24 16:00 – Tue 24 21:00
            en | after 4 pm                 | Tue 24 16:00 – Tue 24 21:00
            en | after 4p.m.                | Tue 24 16:00 – Tue 24 21:00
            en | After 16:00                | Tue 24 16:00 – Tue 24 21:00
            nb | før 12                     | Tue 24 10:00 – Tue 24 12:00
            nb | for 12                     | Tue 24 10:00 – Tue 24 12:00
            sv | innan 12                   | Tue 24 10:00 – Tue 24 12:00
            sv | före 12                    | Tue 24 10:00 – Tue 24 12:00
            da | inden kl 12                | Tue 24 10:00 – Tue 24 12:00
            en | before noon                | Tue 24 10:00 – Tue 24 12:00
            en | before 2pm                 | Tue 24 10:00 – Tue 24 14:00
            nb | mellom 10 og 12            | Tue 24 10:00 – Tue 24 12:00
            nb | mellom kl 13 og kl 15      | Tue 24 13:00 – Tue 24 15:00
            nb | mellom 1 og 3              | Tue 24 13:00 – Tue 24 15:00
            nb | mellom 11 og 1             | Tue 24 11:00 – Tue 24 13:00
            da | mellem 10 og 12            | Tue 24 10:00 – Tue 24 12:00
            sv | mellan 10 och 12           | Tue 24 10:00 – Tue 24 12:00
            en | between 10 and 12          | Tue 24 10:00 – Tue 24 12:00
            nb | 10-12                      | Tue 24 10:00 – Tue 24 12:00
            nb | 10–12                      | Tue 24 10:00 – Tue 24 12:00
            nb | kl 14-16                   | Tue 24 14:00 – Tue 24 16:00
            nb | fra 10 til 12              | Tue 24 10:00 – Tue 24 12:00
            en | from 2 to 4                | Tue 24 14:00 – Tue 24 16:00
            nb | mellom to og fire          | Tue 24 14:00 – Tue 24 16:00
            nb | kl 14                      | Tue 24 14:00 – Tue 24 15:00
            da | klokken 14                 | Tue 24 14:00 – Tue 24 15:00
            sv | klockan 14                 | Tue 24 14:00 – Tue 24 15:00
            en | at 2pm                     | Tue 24 14:00 – Tue 24 15:00
            en | for 2pm                    | Tue 24 14:00 – Tue 24 15:00
            nb | 14:30                      | Tue 24 14:30 – Tue 24 15:30
            nb | 14.30                      | Tue 24 14:30 – Tue 24 15:30
            nb | ca 14                      | Tue 24 14:00 – Tue 24 15:00
            nb | rundt 2                    | Tue 24 14:00 – Tue 24 15:00
            nb | 16-tiden                   | Tue 24 16:00 – Tue 24 17:00
            nb | halv 3                     | Tue 24 14:30 – Tue 24 15:30
            en | half past 2                | Tue 24 14:30 – Tue 24 15:30
            nb | kl 10                      | Tue 24 10:00 – Tue 24 11:00
            nb | kl 4 eller senere          | Tue 24 16:00 – Tue 24 21:00
            nb | etter 14 og før 16         | Tue 24 14:00 – Tue 24 16:00
            nb | ikke før 16                | Tue 24 16:00 – Tue 24 21:00
            nb | ikke etter 12              | Tue 24 10:00 – Tue 24 12:00
            nb | i dag                      | Tue 24 10:00 – Tue 24 21:00
            nb | idag                       | Tue 24 10:00 – Tue 24 21:00
            en | today                      | Tue 24 10:00 – Tue 24 21:00
            nb | i morgen                   | Wed 25 08:00 – Wed 25 21:00
            nb | imorgen                    | Wed 25 08:00 – Wed 25 21:00
            nb | imorra                     | Wed 25 08:00 – Wed 25 21:00
            sv | i morgon                   | Wed 25 08:00 – Wed 25 21:00
            sv | imorgon                    | Wed 25 08:00 – Wed 25 21:00
            en | tomorrow                   | Wed 25 08:00 – Wed 25 21:00
            en | tomorow                    | Wed 25 08:00 – Wed 25 21:00
            en | 2morrow                    | Wed 25 08:00 – Wed 25 21:00
            nb | i overmorgen               | Thu 26 08:00 – Thu 26 21:00
            sv | i övermorgon               | Thu 26 08:00 – Thu 26 21:00
            en | the day after tomorrow     | Thu 26 08:00 – Thu 26 21:00
            nb | mandag                     | Mon 30 08:00 – Mon 30 21:00
            sv | måndag                     | Mon 30 08:00 – Mon 30 21:00
            en | Monday                     | Mon 30 08:00 – Mon 30 21:00
            nb | tirsdag                    | Tue 24 10:00 – Tue 24 21:00
            nn | tysdag                     | Tue 24 10:00 – Tue 24 21:00
            sv | tisdag                     | Tue 24 10:00 – Tue 24 21:00
            nb | onsdag                     | Wed 25 08:00 – Wed 25 21:00
            en | wednesday                  | Wed 25 08:00 – Wed 25 21:00
            nb | torsdag                    | Thu 26 08:00 – Thu 26 21:00
            en | thursday                   | Thu 26 08:00 – Thu 26 21:00
            nb | fredag                     | Fri 27 08:00 – Fri 27 21:00
            en | friday                     | Fri 27 08:00 – Fri 27 21:00
            nb | lørdag                     | Sat 28 08:00 – Sat 28 21:00
            nn | laurdag                    | Sat 28 08:00 – Sat 28 21:00
            sv | lördag                     | Sat 28 08:00 – Sat 28 21:00
            en | saturday                   | Sat 28 08:00 – Sat 28 21:00
            nb | søndag                     | Sun 29 08:00 – Sun 29 21:00
            nn | sundag                     | Sun 29 08:00 – Sun 29 21:00
            sv | söndag                     | Sun 29 08:00 – Sun 29 21:00
            en | sunday                     | Sun 29 08:00 – Sun 29 21:00
            nb | neste tirsdag              | Tue 01 08:00 – Tue 01 21:00
            nb | neste fredag               | Fri 27 08:00 – Fri 27 21:00
            nb | tirsdag kl 9               | Tue 01 09:00 – Tue 01 10:00
            nb | morgen                     | Wed 25 08:00 – Wed 25 10:00
            en | morning                    | Wed 25 08:00 – Wed 25 10:00
            nb | formiddag                  | Tue 24 10:00 – Tue 24 12:00
            nn | føremiddag                 | Tue 24 10:00 – Tue 24 12:00
            sv | förmiddag                  | Tue 24 10:00 – Tue 24 12:00
            en | before lunch               | Tue 24 10:00 – Tue 24 12:00
            nb | før lunsj                  | Tue 24 10:00 – Tue 24 12:00
            nb | etter lunsj                | Tue 24 13:00 – Tue 24 21:00
            nb | lunsj                      | Tue 24 11:00 – Tue 24 13:00
            en | lunch                      | Tue 24 11:00 – Tue 24 13:00
            da | frokost                    | Tue 24 11:00 – Tue 24 13:00
            nb | ettermiddag                | Tue 24 12:00 – Tue 24 17:00
            nb | ettermidag                 | Tue 24 12:00 – Tue 24 17:00
            da | eftermiddag                | Tue 24 12:00 – Tue 24 17:00
            en | afternoon                  | Tue 24 12:00 – Tue 24 17:00
            nb | kveld                      | Tue 24 17:00 – Tue 24 21:00
            nb | kveldstid                  | Tue 24 17:00 – Tue 24 21:00
            nb | i kveld                    | Tue 24 17:00 – Tue 24 21:00
            nn | i kveld                    | Tue 24 17:00 – Tue 24 21:00
            da | aften                      | Tue 24 17:00 – Tue 24 21:00
            da | i aften                    | Tue 24 17:00 – Tue 24 21:00
            sv | kväll                      | Tue 24 17:00 – Tue 24 21:00
            sv | ikväll                     | Tue 24 17:00 – Tue 24 21:00
            en | evening                    | Tue 24 17:00 – Tue 24 21:00
            en | tonight                    | Tue 24 17:00 – Tue 24 21:00
            nb | dagtid                     | Tue 24 10:00 – Tue 24 16:00
            nb | i morgen formiddag          | Wed 25 08:00 – Wed 25 12:00
            nb | i morgen tidlig             | Wed 25 08:00 – Wed 25 10:00
            nb | i morgen kveld             | Wed 25 17:00 – Wed 25 21:00
            nb | i morgen etter 14          | Wed 25 14:00 – Wed 25 21:00
            nb | fredag etter kl 12         | Fri 27 12:00 – Fri 27 21:00
            en | tomorrow morning           | Wed 25 08:00 – Wed 25 10:00
            en | tomorrow at 3pm            | Wed 25 15:00 – Wed 25 16:00
            da | i eftermiddag              | Tue 24 12:00 – Tue 24 17:00
            nb | på torsdag mellom 10 og 12 | Thu 26 10:00 – Thu 26 12:00
            sv | imorgon förmiddag          | Wed 25 08:00 – Wed 25 12:00
            sv | på fredag efter 13         | Fri 27 13:00 – Fri 27 21:00
            da | i morgen formiddag         | Wed 25 08:00 – Wed 25 12:00
            en | friday afternoon           | Fri 27 12:00 – Fri 27 17:00
            nb | i ettermiddag etter 2      | Tue 24 14:00 – Tue 24 17:00
            nb | i kveld kl 8               | Tue 24 20:00 – Tue 24 21:00
            nb | i morgen tidlig kl 9      | Wed 25 09:00 – Wed 25 10:00
            nb | lunsj kl 1                 | Tue 24 13:00 – Tue 24 14:00
            en | 4 in the afternoon         | Tue 24 16:00 – Tue 24 17:00
            nb | i dag eller i morgen       | Tue 24 10:00 – Wed 25 21:00
            nb | ikke nå, i morgen          | Wed 25 08:00 – Wed 25 21:00
            nb | i morgen så fort som mulig | Wed 25 08:00 – Wed 25 21:00
            en | any time tomorrow          | Wed 25 08:00 – Wed 25 21:00
            nb | god morgen! etter 14 passer fint | Tue 24 14:00 – Tue 24 21:00
            nb | kan dere ringe etter 16?   | Tue 24 16:00 – Tue 24 21:00
            nb | om 2 timer                 | Tue 24 12:00 – Tue 24 13:00
            nb | om en halvtime             | Tue 24 10:30 – Tue 24 11:30
            sv | om en timme                | Tue 24 11:00 – Tue 24 12:00
            en | in 30 minutes              | Tue 24 10:30 – Tue 24 11:30
            en | in an hour                 | Tue 24 11:00 – Tue 24 12:00
            nb | innen en time              | Tue 24 10:00 – Tue 24 11:00
            nb | jeg jobber til 16          | Tue 24 16:00 – Tue 24 21:00
            nb | på skolen 8-15             | Tue 24 15:00 – Tue 24 21:00
            sv | jobbar till 17             | Tue 24 17:00 – Tue 24 21:00
            en | busy until 3               | Tue 24 15:00 – Tue 24 21:00
            nb | når som helst etter 12     | Tue 24 12:00 – Tue 24 21:00
            nb | kl 16 i morgen             | Wed 25 16:00 – Wed 25 17:00
            nb | i morgen mellom 2 og 4     | Wed 25 14:00 – Wed 25 16:00
            sv | på torsdag mellan 13-15    | Thu 26 13:00 – Thu 26 15:00
            nn | i morgon føremiddag        | Wed 25 08:00 – Wed 25 12:00
            en | next friday at 10am        | Fri 27 10:00 – Fri 27 11:00
            en | between 2 and 4pm          | Tue 24 14:00 – Tue 24 16:00
            nb | 9 til 11                   | Tue 24 10:00 – Tue 24 11:00
            """)
    void reads_a_window_on_a_tuesday_morning(String language, String text, String expected) {
        assertThat(read(text, language, TUESDAY_MORNING)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}] \"{1}\" at Tue 22:30 → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            nb | etter 16          | Wed 25 16:00 – Wed 25 21:00
            nb | før 12            | Wed 25 08:00 – Wed 25 12:00
            nb | kl 14             | Wed 25 14:00 – Wed 25 15:00
            nb | mellom 10 og 12   | Wed 25 10:00 – Wed 25 12:00
            nb | 10-12             | Wed 25 10:00 – Wed 25 12:00
            nb | kveld             | Wed 25 17:00 – Wed 25 21:00
            nb | morgen            | Wed 25 08:00 – Wed 25 10:00
            nb | i morgen          | Wed 25 08:00 – Wed 25 21:00
            nb | i morgen tidlig   | Wed 25 08:00 – Wed 25 10:00
            nb | tirsdag           | Tue 01 08:00 – Tue 01 21:00
            nb | fredag            | Fri 27 08:00 – Fri 27 21:00
            nb | halv 11           | Wed 25 10:30 – Wed 25 11:30
            nb | kl 23             | Tue 24 23:00 – Wed 25 00:00
            nb | før midnatt       | Tue 24 22:30 – Wed 25 00:00
            en | after 4pm         | Wed 25 16:00 – Wed 25 21:00
            en | tomorrow morning  | Wed 25 08:00 – Wed 25 10:00
            nb | om 2 timer        | Wed 25 00:30 – Wed 25 01:30
            """)
    void rolls_over_to_tomorrow_late_in_the_evening(String language, String text, String expected) {
        assertThat(read(text, language, TUESDAY_LATE)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" at Tue 22:30 is empty")
    @ValueSource(strings = {"i dag", "i kveld", "ikväll", "tonight", "i ettermiddag", "i dag etter 16"})
    void a_named_day_that_is_over_is_empty(String text) {
        assertThat(read(text, "nb", TUESDAY_LATE)).isEqualTo("empty");
    }

    @ParameterizedTest(name = "\"{0}\" is empty")
    @ValueSource(strings = {"", "hei", "vet ikke", "ved ikke", "I don't know", "kanskje", "ikke nå", "not now",
            "inte nu", "nä", "no", "ja", "takk", "jeg har 2 barn", "ring meg på 91234567", "om 2", "etter 25",
            "kl 24:30", "14:75", "kl 14.5", "etter 22", "etter 21", "13pm", "mellom 12 og 10", "mellom 10",
            "ikke mellom 10 og 12", "ikke kl 14", "ikke kveld", "etter kveld", "om 100 timer", "25.12",
            "i dag kl 9"})
    void reads_nothing_from_text_without_a_sensible_time(String text) {
        assertThat(read(text, "nb", TUESDAY_MORNING)).isEqualTo("empty");
    }

    @Test
    void after_4pm_is_16_to_21_today() {
        assertThat(read("after 4pm", "en", TUESDAY_MORNING)).isEqualTo("Tue 24 16:00 – Tue 24 21:00");
    }

    @Test
    void etter_4_means_four_in_the_afternoon() {
        assertThat(read("etter 4", "nb", TUESDAY_MORNING)).isEqualTo("Tue 24 16:00 – Tue 24 21:00");
        assertThat(read("etter 7", "nb", TUESDAY_MORNING)).isEqualTo("Tue 24 19:00 – Tue 24 21:00");
        assertThat(read("etter 8", "nb", TUESDAY_MORNING)).isEqualTo("Wed 25 08:00 – Wed 25 21:00");
    }

    @Test
    void a_leading_zero_or_am_keeps_an_early_hour() {
        assertThat(read("kl 07", "nb", TUESDAY_MORNING)).isEqualTo("Wed 25 07:00 – Wed 25 08:00");
        assertThat(read("4am", "en", TUESDAY_MORNING)).isEqualTo("Wed 25 04:00 – Wed 25 05:00");
        assertThat(read("12pm", "en", TUESDAY_MORNING)).isEqualTo("Tue 24 12:00 – Tue 24 13:00");
    }

    @Test
    void etter_x_that_has_passed_today_is_tomorrow() {
        assertThat(read("etter 9", "nb", TUESDAY_MORNING)).isEqualTo("Wed 25 09:00 – Wed 25 21:00");
    }

    @Test
    void for_x_that_has_passed_today_is_tomorrow_from_eight() {
        assertThat(read("før 9", "nb", TUESDAY_MORNING)).isEqualTo("Wed 25 08:00 – Wed 25 09:00");
    }

    @Test
    void for_starts_at_eight_when_now_is_earlier() {
        ZonedDateTime early = TUESDAY_MORNING.withHour(6);
        assertThat(read("før 12", "nb", early)).isEqualTo("Tue 24 08:00 – Tue 24 12:00");
    }

    @Test
    void a_day_part_under_way_starts_now() {
        ZonedDateTime afternoon = TUESDAY_MORNING.withHour(14).withMinute(15);
        assertThat(read("ettermiddag", "nb", afternoon)).isEqualTo("Tue 24 14:15 – Tue 24 17:00");
    }

    @Test
    void a_day_part_that_has_ended_is_tomorrow() {
        assertThat(read("morgen", "nb", TUESDAY_MORNING)).isEqualTo("Wed 25 08:00 – Wed 25 10:00");
    }

    @Test
    void kl_x_right_now_is_still_today() {
        assertThat(read("kl 10", "nb", TUESDAY_MORNING)).isEqualTo("Tue 24 10:00 – Tue 24 11:00");
    }

    @Test
    void nynorsk_no_means_now_but_not_elsewhere() {
        assertThat(read("no", "nn", TUESDAY_MORNING)).isEqualTo("asap");
        assertThat(read("no", "en", TUESDAY_MORNING)).isEqualTo("empty");
    }

    @Test
    void swedish_naa_meaning_no_is_not_norwegian_naa_meaning_now() {
        assertThat(read("nä", "sv", TUESDAY_MORNING)).isEqualTo("empty");
        assertThat(read("nå", "nb", TUESDAY_MORNING)).isEqualTo("asap");
    }

    @Test
    void results_keep_the_zone_and_offset_of_now() {
        TimeWindow w = TimeWindowParser.parse("etter 16", "nb", TUESDAY_MORNING).orElseThrow();
        assertThat(w.asap()).isFalse();
        assertThat(w.earliest()).isEqualTo(ZonedDateTime.of(2026, 11, 24, 16, 0, 0, 0, OSLO));
        assertThat(w.earliest().getOffset().getTotalSeconds()).isEqualTo(3600);
    }

    @Test
    void a_window_across_the_spring_daylight_saving_change_uses_the_new_offset() {
        ZonedDateTime saturday = ZonedDateTime.of(2027, 3, 27, 10, 0, 0, 0, OSLO);
        TimeWindow w = TimeWindowParser.parse("i morgen kl 14", "nb", saturday).orElseThrow();
        assertThat(w.earliest().toLocalDateTime()).hasToString("2027-03-28T14:00");
        assertThat(w.earliest().getOffset().getTotalSeconds()).isEqualTo(7200);
        assertThat(w.latest().toLocalDateTime()).hasToString("2027-03-28T15:00");
    }

    @Test
    void other_zones_are_kept_too() {
        ZonedDateTime stockholm = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneId.of("Europe/Stockholm"));
        TimeWindow w = TimeWindowParser.parse("kl 14", "sv", stockholm).orElseThrow();
        assertThat(w.earliest().getZone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
    }

    @Test
    void asap_starts_now_and_has_no_end() {
        TimeWindow w = TimeWindowParser.parse("asap", "en", TUESDAY_MORNING).orElseThrow();
        assertThat(w).isEqualTo(TimeWindow.asap(TUESDAY_MORNING));
    }

    @Test
    void til_after_a_word_of_being_busy_means_after() {
        assertThat(read("til 16", "nb", TUESDAY_MORNING)).isEqualTo("Tue 24 10:00 – Tue 24 16:00");
        assertThat(read("jobber til 16", "nb", TUESDAY_MORNING)).isEqualTo("Tue 24 16:00 – Tue 24 21:00");
        assertThat(read("jobber fra 8 til 16", "nb", TUESDAY_MORNING)).isEqualTo("Tue 24 16:00 – Tue 24 21:00");
    }

    @Test
    void a_count_of_hours_or_things_is_not_a_clock_time() {
        assertThat(read("2 timer", "nb", TUESDAY_MORNING)).isEqualTo("empty");
        assertThat(read("i morgen, jeg har 2 barn", "nb", TUESDAY_MORNING)).isEqualTo("Wed 25 08:00 – Wed 25 21:00");
    }

    @Test
    void the_language_hint_is_optional() {
        assertThat(read("etter 16", null, TUESDAY_MORNING)).isEqualTo("Tue 24 16:00 – Tue 24 21:00");
    }
}
