package no.kontakt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several units in one file: each unit's own parts, what it takes from the top level, and the checks across units. */
class UnitsConfigTest {

    private static AppConfig bind(String yaml) {
        return new ConfigLoader(Map.<String, String>of()::get).bind(yaml, "kontakt.yaml");
    }

    @Test
    void the_shipped_file_is_one_default_unit() {
        AppConfig config = new ConfigLoader(Map.<String, String>of()::get).load(Path.of("config/kontakt.yaml"));
        assertThat(config.units()).isEmpty();
        assertThat(config.unit().id()).isEqualTo("default");
        assertThat(config.forUnit("default")).isSameAs(config);
    }

    @Test
    void the_commented_example_in_the_shipped_file_loads() throws Exception {
        String shipped = java.nio.file.Files.readString(Path.of("config/kontakt.yaml"));
        int at = shipped.indexOf("# units:");
        String uncommented = shipped.substring(0, at) + shipped.substring(at).replaceAll("(?m)^# ?", "");
        AppConfig config = bind(uncommented);
        assertThat(config.units()).hasSize(1);
        AppConfig vest = config.forUnit("vest");
        assertThat(vest.unit().name("en")).isEqualTo("Mental Health West");
        assertThat(vest.twilio().fromNumber()).isEqualTo("+4759440001");
        assertThat(vest.offers().catalogue()).isEqualTo(Path.of("config/offers-vest.yaml"));
        assertThat(vest.conversations()).isEqualTo(config.conversations());
    }

    @Test
    void a_unit_takes_what_it_leaves_out_from_the_top_level_and_replaces_what_it_gives() {
        AppConfig config = bind("""
                twilio:
                  from_number: "+4759440000"
                unit:
                  id: oslo
                  name: Oslo
                  languages: [nb, en]
                ambulant:
                  call_within_minutes: 20
                units:
                  - id: vest
                    numbers: ["+4759440001", "MG0123456789abcdef0123456789abcdef"]
                    name: { nb: Vest, en: West }
                    office:
                      contact_promise_hours: 4
                  - id: kobenhavn
                    numbers: ["+4535000000"]
                    country: DK
                    time_zone: Europe/Copenhagen
                    languages: [da, en]
                    emergency: { region: hovedstaden }
                """);
        AppConfig vest = config.forUnit("vest");
        assertThat(vest.unit().id()).isEqualTo("vest");
        assertThat(vest.unit().name("en")).isEqualTo("West");
        assertThat(vest.unit().name()).isEqualTo("Vest");
        assertThat(vest.unit().languages()).containsExactly("nb", "en");
        assertThat(vest.office().contactPromiseHours()).isEqualTo(4.0);
        assertThat(vest.ambulant().callWithinMinutes()).isEqualTo(20);
        assertThat(vest.emergency()).isEqualTo(config.emergency());
        assertThat(vest.twilio().fromNumber()).isEqualTo("+4759440001");
        AppConfig dk = config.forUnit("kobenhavn");
        assertThat(dk.unit().timeZone()).isEqualTo(ZoneId.of("Europe/Copenhagen"));
        assertThat(dk.unit().defaultLanguage()).isEqualTo("da");
        assertThat(dk.emergency().emergencyNumber()).isEqualTo("112");
        assertThat(dk.emergency().medicalNumber()).isEqualTo("1813");
        assertThat(config.forUnit("oslo")).isSameAs(config);
    }

    @Test
    void a_number_claimed_by_two_units_names_both_keys() {
        assertThatThrownBy(() -> bind("""
                units:
                  - id: vest
                    numbers: ["+4759440001"]
                  - id: nord
                    numbers: ["+4759440002", "+4759440001"]
                """)).isInstanceOf(ConfigException.class)
                .hasMessage("kontakt.yaml: units[1].numbers[1]: +4759440001 is claimed by units[0].numbers[0] too; a number belongs to one unit");
        assertThatThrownBy(() -> bind("""
                twilio:
                  from_number: "+4759440000"
                units:
                  - id: vest
                    numbers: ["+4759440000"]
                """)).hasMessage("kontakt.yaml: units[0].numbers[0]: +4759440000 is claimed by twilio.from_number too; a number belongs to one unit");
    }

    @Test
    void a_unit_without_numbers_or_with_a_bad_one_or_a_bad_id_is_named() {
        assertThatThrownBy(() -> bind("units:\n  - id: vest\n"))
                .hasMessageStartingWith("kontakt.yaml: units[0].numbers: list the Twilio numbers");
        assertThatThrownBy(() -> bind("units:\n  - id: vest\n    numbers: [\"+47 594\"]\n"))
                .hasMessage("kontakt.yaml: units[0].numbers[0]: must be an E.164 number such as +4759440001 or a messaging service SID (was '+47 594')");
        assertThatThrownBy(() -> bind("units:\n  - id: Vest-1\n    numbers: [\"+4759440001\"]\n"))
                .hasMessageStartingWith("kontakt.yaml: units[0].id: must be a short slug");
        assertThatThrownBy(() -> bind("units:\n  - id: default\n    numbers: [\"+4759440001\"]\n"))
                .hasMessage("kontakt.yaml: units[0].id: 'default' is already the id at unit.id; each unit needs its own id");
        assertThatThrownBy(() -> bind("units:\n  - id: vest\n    numbers: [\"+4759440001\"]\n    opening: {}\n"))
                .hasMessageStartingWith("kontakt.yaml: units[0].opening: unknown key; known keys here: ambulant, conversations, country");
    }

    @Test
    void a_danish_unit_without_its_region_stops_start_up_with_the_unit_named() {
        assertThatThrownBy(() -> bind("units:\n  - id: aarhus\n    numbers: [\"+4586000000\"]\n    country: DK\n"))
                .hasMessageStartingWith("kontakt.yaml: units[0].emergency.region: the lægevagt number depends on the region");
    }
}
