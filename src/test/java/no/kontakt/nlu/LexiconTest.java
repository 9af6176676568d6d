package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LexiconTest {
    private static Lexicon read(String text) {
        Lexicon lexicon = new Lexicon();
        lexicon.read("test.txt", "nb", new BufferedReader(new StringReader(text)));
        return lexicon;
    }

    @Test
    void reads_sections_patterns_word_classes_and_exceptions() {
        Lexicon lexicon = read("""
                # comment
                [words]
                @pills = pille* tablett*
                [overdose]
                tatt .. @pills   # a trailing comment
                !en @pills mot hodepine
                [alias]
                ikke = ikk ike
                """);
        assertThat(lexicon.rules).extracting(Rule::id).containsExactly(
                "lexicon:nb:overdose:tatt .. @pills", "negated:lexicon:nb:overdose:en @pills mot hodepine");
        Rule rule = lexicon.rules.get(0);
        assertThat(rule.slots().get(1).gapBefore()).isEqualTo(Lexicon.GAP);
        assertThat(rule.slots().get(1).alternatives()).containsExactly(
                new Rule.WordForm("pille", Rule.Mode.PREFIX), new Rule.WordForm("tablett", Rule.Mode.PREFIX));
        assertThat(lexicon.aliases.get("ikk")).containsExactly("ikke");
    }

    @Test
    void folds_lexicon_words_like_message_words() {
        Rule rule = read("[suicidal]\nvil dø\n").rules.get(0);
        assertThat(rule.slots().get(1).alternatives()).containsExactly(new Rule.WordForm("do", Rule.Mode.WORD));
    }

    @Test
    void fails_loudly_with_file_and_line() {
        assertThatThrownBy(() -> read("[suicdal]\nvil dø\n"))
                .isInstanceOf(LexiconException.class)
                .hasMessageStartingWith("test.txt:1: unknown section [suicdal] (known: suicidal, self_harm");
        assertThatThrownBy(() -> read("vil dø\n"))
                .hasMessage("test.txt:1: pattern 'vil dø' before any known section");
        assertThatThrownBy(() -> read("[self_harm]\nself-harm\n"))
                .hasMessageContaining("test.txt:2: 'self-harm' in 'self-harm' is not a word");
        assertThatThrownBy(() -> read("[suicidal]\n.. leve\n"))
                .hasMessage("test.txt:2: '..' must stand between two words in '.. leve'");
        assertThatThrownBy(() -> read("[suicidal]\n!ikke .. dø\n"))
                .hasMessage("test.txt:2: exception '!ikke .. dø' may not use '..': it could swallow a real risk phrase nearby");
        assertThatThrownBy(() -> read("[overdose]\ntatt @pills\n"))
                .hasMessage("test.txt:2: word class @pills in 'tatt @pills' is not defined above in [words]");
    }

    @Test
    void shipped_lexicons_load() {
        assertThat(RiskDetector.load().knownReasons()).contains("emoji:pill", "method:overdose", "third_person");
    }
}
