package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripts, global words and intent names are YAML 1.2: no, yes, on and off are words as written. */
class YamlWordsTest {

    @Test
    void a_route_word_and_a_text_of_no_yes_on_off_are_read_as_written() {
        String main = Fixtures.MAIN
                .replace("- number: 2\n", "- keywords: [no, yes, on, off]\n")
                .replace("say: {nb: ha det, en: bye}", "say: {nb: no, en: off}");
        assertThat(main).isNotEqualTo(Fixtures.MAIN);
        ScriptLoader.Loaded loaded = ScriptLoader.load("conversations/main.yaml", main);
        assertThat(loaded.problems()).isEmpty();
        Step menu = loaded.script().steps().get("menu");
        assertThat(menu.waitFor().routes().get(1).keywords()).containsExactly("no", "yes", "on", "off");
        assertThat(loaded.script().steps().get("bye").say().byLanguage()).containsEntry("nb", "no").containsEntry("en", "off");
    }

    @Test
    void an_intent_called_no_is_named_no() {
        assertThat(Validator.intentNames("intents:\n  no: {en: [nope]}\n  on: {en: [on it]}\n")).containsExactly("no", "on");
    }

    @Test
    void a_syntax_error_in_a_script_is_located() {
        List<String> problems = ScriptLoader.load("conversations/main.yaml", "start: hello\nsteps:\n  hello:\n    say: {nb: hei\n")
                .problems().stream().map(Problem::toString).toList();
        assertThat(problems).singleElement().asString().startsWith("conversations/main.yaml:").contains("this is not valid YAML");
    }

    @Test
    void a_key_written_twice_in_a_script_is_located() {
        List<String> problems = ScriptLoader.load("conversations/main.yaml", "start: hello\nsteps:\n  hello:\n    say: {nb: hei}\n    say: {nb: hallo}\n")
                .problems().stream().map(Problem::toString).toList();
        assertThat(problems).containsExactly("conversations/main.yaml:5:5: the key 'say' is written twice (first at line 4)");
    }
}
