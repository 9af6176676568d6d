package no.kontakt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The numbers of the safety texts per country, and the Danish lægevagt per region with no wrong default. */
class EmergencyConfigTest {

    private static AppConfig bind(String yaml) {
        return new ConfigLoader(Map.<String, String>of()::get).bind(yaml, "kontakt.yaml");
    }

    @Test
    void norway_is_the_default_with_police_and_the_line_for_violence() {
        AppConfig.Emergency e = new ConfigLoader(Map.<String, String>of()::get).load(Path.of("config/kontakt.yaml")).emergency();
        assertThat(e.placeholders()).containsEntry("emergency_number", "113").containsEntry("medical_number", "116 117")
                .containsEntry("police_number", "112").containsEntry("crisis_centre", "116 006")
                .containsEntry("crisis_centre_name", "Vold- og overgrepslinjen");
        assertThat(bind("unit:\n  country: NO\n").emergency().policeNumber()).isEqualTo("112");
    }

    @Test
    void sweden_has_its_own_numbers() {
        AppConfig.Emergency e = bind("unit:\n  country: SE\n").emergency();
        assertThat(e.emergencyNumber()).isEqualTo("112");
        assertThat(e.medicalNumber()).isEqualTo("1177");
        assertThat(e.crisisCentre()).isEqualTo("020-50 50 50");
    }

    @Test
    void denmark_without_a_region_stops_start_up_instead_of_giving_the_capital_s_number() {
        assertThatThrownBy(() -> bind("unit:\n  country: DK\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("emergency.region").hasMessageContaining("1813 is Region Hovedstaden only");
    }

    @Test
    void denmark_gets_1813_only_in_the_capital_region_and_another_region_must_give_its_number() {
        assertThat(bind("unit:\n  country: DK\nemergency:\n  region: hovedstaden\n").emergency().medicalNumber()).isEqualTo("1813");
        assertThatThrownBy(() -> bind("unit:\n  country: DK\nemergency:\n  region: nordjylland\n"))
                .hasMessageContaining("emergency.medical_number").hasMessageContaining("nordjylland");
        AppConfig.Emergency e = bind("unit:\n  country: DK\nemergency:\n  region: midtjylland\n  medical_number: \"70 00 00 00\"\n").emergency();
        assertThat(e.medicalNumber()).isEqualTo("70 00 00 00");
        assertThat(e.crisisCentreName()).isEqualTo("Lev Uden Vold");
        assertThatThrownBy(() -> bind("unit:\n  country: DK\nemergency:\n  region: jylland\n"))
                .hasMessageContaining("'jylland' is not a Danish region");
    }
}
