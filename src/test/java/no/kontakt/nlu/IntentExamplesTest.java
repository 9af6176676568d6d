package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.kontakt.yaml.YamlException;
import org.junit.jupiter.api.Test;

class IntentExamplesTest {

    @Test
    void no_yes_on_and_off_are_examples_not_booleans() {
        IntentExamples examples = IntentExamples.parse("""
                intents:
                  other:
                    en: [no, yes, on, off, NO]
                  stop:
                    en: [stop, off]
                """);
        assertThat(examples.intents().get("other").get("en")).containsExactly("no", "yes", "on", "off", "NO");
        assertThat(examples.intents().get("stop").get("en")).containsExactly("stop", "off");
    }

    @Test
    void a_syntax_error_and_a_wrong_type_are_reported_at_their_line() {
        assertThatThrownBy(() -> IntentExamples.parse("conversations/intents.yaml", "intents:\n  other:\n    en: [hei, hallo\n  stop: {}\n"))
                .isInstanceOf(YamlException.class).hasMessageStartingWith("conversations/intents.yaml:4:");
        assertThatThrownBy(() -> IntentExamples.parse("conversations/intents.yaml", "intents:\n  other:\n    en:\n      hei: hallo\n"))
                .isInstanceOf(YamlException.class).hasMessageStartingWith("conversations/intents.yaml:3:5: other.en: ");
    }

    @Test
    void the_intents_of_the_repository_read() {
        assertThat(IntentExamples.read(java.nio.file.Path.of("conversations/intents.yaml")).intents())
                .containsKeys("contact", "offers", "other").allSatisfy((intent, byLanguage) -> assertThat(byLanguage.keySet()).isNotEmpty());
        assertThat(List.of("nb", "nn", "da", "sv", "en")).allSatisfy(l ->
                assertThat(IntentExamples.read(java.nio.file.Path.of("conversations/intents.yaml")).intents().get("other").get(l)).doesNotContain("false", "true"));
    }
}
