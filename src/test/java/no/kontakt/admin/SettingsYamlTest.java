package no.kontakt.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import no.kontakt.config.AppConfig;
import no.kontakt.config.ConfigLoader;
import no.kontakt.config.HoursConfig;
import no.kontakt.testing.TestKontakt;
import org.junit.jupiter.api.Test;

/** The hours and numbers the coordinator edits are written as a person writes them, and read back the same. */
class SettingsYamlTest {

    @Test
    void the_configured_hours_and_numbers_read_back_as_they_were() {
        AppConfig config = TestKontakt.config(TestKontakt.env(java.nio.file.Path.of("target")));
        for (HoursConfig hours : List.of(config.office().hours(), config.ambulant().hours())) {
            String yaml = SettingsYaml.hours(hours);
            assertThat(yaml).doesNotContain("- 15").contains("from: \"");
            assertThat(ConfigLoader.section(yaml, HoursConfig.class, "hours")).isEqualTo(hours);
        }
        String numbers = SettingsYaml.emergency(config.emergency());
        assertThat(ConfigLoader.section(numbers, AppConfig.Emergency.class, "emergency")).isEqualTo(config.emergency());
    }

    @Test
    void periods_past_midnight_exceptions_and_closed_days_survive_the_round_trip() {
        HoursConfig hours = new HoursConfig(List.of(
                new HoursConfig.PeriodConfig(List.of("fri", "sat"), LocalTime.of(22, 0), LocalTime.of(2, 30))), "like_sunday", List.of(
                new HoursConfig.ExceptionConfig(LocalDate.of(2026, 12, 24), List.of(new HoursConfig.PeriodConfig(List.of(), LocalTime.of(11, 0), LocalTime.of(16, 0)))),
                new HoursConfig.ExceptionConfig(LocalDate.of(2026, 12, 31), List.of())));
        String yaml = SettingsYaml.hours(hours);
        assertThat(yaml).contains("  - { days: [fri, sat], from: \"22:00\", to: \"02:30\" }\n")
                .contains("  - { date: 2026-12-24, periods: [{ from: \"11:00\", to: \"16:00\" }] }\n")
                .contains("  - { date: 2026-12-31, periods: [] }\n");
        assertThat(ConfigLoader.section(yaml, HoursConfig.class, "hours")).isEqualTo(hours);
        HoursConfig none = new HoursConfig(List.of(), null, null);
        assertThat(ConfigLoader.section(SettingsYaml.hours(none), HoursConfig.class, "hours")).isEqualTo(none);
    }
}
