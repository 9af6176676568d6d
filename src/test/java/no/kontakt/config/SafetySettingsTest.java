package no.kontakt.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import no.kontakt.yaml.YamlReader;
import org.junit.jupiter.api.Test;

/** kontakt.yaml settings that would switch the safety net off are refused at start-up, each with its key. */
class SafetySettingsTest {

    private static AppConfig bind(String yaml) {
        return new ConfigLoader(Map.<String, String>of()::get).bind(yaml, "kontakt.yaml");
    }

    /** The same file bound without the safety check: what start-up accepted before. */
    private static AppConfig bindUnchecked(String yaml) throws Exception {
        var mapper = ConfigLoader.mapper();
        return mapper.treeToValue((ObjectNode) YamlReader.json(YamlReader.read("kontakt.yaml", yaml)), AppConfig.class);
    }

    @Test
    void an_emergency_number_that_is_not_a_number_is_refused() throws Exception {
        String yaml = "emergency:\n  emergency_number: \"ring 113\"\n";
        assertThat(bindUnchecked(yaml).emergency().emergencyNumber()).isEqualTo("ring 113"); // the attack without the check
        assertThatThrownBy(() -> bind(yaml)).isInstanceOf(ConfigException.class).hasMessage(
                "kontakt.yaml: emergency.emergency_number: 'ring 113' is not a phone number; write the digits only, "
                        + "with spaces (or a hyphen) between groups and a + first if needed, like \"113\" or \"116 123\"");
        assertThatThrownBy(() -> bind("emergency:\n  crisis_line: \"116 123 <a href=x>\"\n"))
                .hasMessageStartingWith("kontakt.yaml: emergency.crisis_line: '116 123 <a href=x>' is not a phone number");
    }

    @Test
    void an_empty_emergency_number_is_refused() throws Exception {
        String yaml = "emergency:\n  emergency_number: \"\"\n";
        assertThat(bindUnchecked(yaml).emergency().emergencyNumber()).isEmpty();
        assertThatThrownBy(() -> bind(yaml)).hasMessage(
                "kontakt.yaml: emergency.emergency_number: must be set: every safety text gives it to a person in crisis");
    }

    @Test
    void real_numbers_pass_with_spaces_and_a_plus() {
        AppConfig config = bind("emergency:\n  emergency_number: \"112\"\n  medical_number: \"+45 1813\"\n  crisis_line: \"70 201 201\"\n");
        assertThat(config.emergency().medicalNumber()).isEqualTo("+45 1813");
        assertThat(bind("unit:\n  country: SE\n").emergency().emergencyNumber()).isEqualTo("112");
    }

    @Test
    void empty_ambulant_hours_need_an_explicit_closed() throws Exception {
        String empty = "ambulant:\n  hours:\n    periods: []\n";
        assertThat(bindUnchecked(empty).ambulant().hours().periods()).isEmpty();
        assertThatThrownBy(() -> bind(empty)).hasMessage("kontakt.yaml: ambulant.hours.periods: the ambulant team has no opening "
                + "hours, so every citizen would be told it is closed; list its periods, or write closed: true to close the service on purpose");
        AppConfig closed = bind("ambulant:\n  hours:\n    periods: []\n    closed: true\n");
        assertThat(closed.ambulant().hours().closed()).isTrue();
        assertThat(closed.ambulant().hours().toOpeningHours(closed.unit().timeZone(), "NO").isOpen(java.time.ZonedDateTime.now())).isFalse();
        assertThatThrownBy(() -> bind("ambulant:\n  hours:\n    closed: true\n    periods:\n      - { days: [mon], from: \"15:00\", to: \"22:00\" }\n"))
                .hasMessage("kontakt.yaml: ambulant.hours.closed: is true, but periods are listed too; remove the periods or closed: true");
    }

    @Test
    void empty_office_hours_stay_allowed() {
        assertThat(bind("office:\n  hours:\n    periods: []\n").office().hours().periods()).isEmpty();
    }
}
