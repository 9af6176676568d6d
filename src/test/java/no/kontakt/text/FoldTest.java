package no.kontakt.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldTest {

    @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            JA                        | ja
            Etter  KL. 16!!           | etter kl. 16
            '  ja,takk! '             | ja takk
            Café                      | cafe
            Bjørn Ærlig               | bjorn aerlig
            Sjøen på Ålesund          | sjoen pa alesund
            Måndag kväll              | mandag kvall
            Müller straße             | muller strasse
            fünf Ñandú                | funf nandu
            15:30 - 16.00             | 15:30 - 16.00
            +47 912 34 567            | +47 912 34 567
            hei 🙂 du                 | hei du
            «sitat» “quote” (x) / y   | sitat quote x y
            don't                     | don t
            ''                        | ''
            '   '                     | ''
            """)
    void match_folds_case_accents_punctuation_and_spaces(String in, String out) {
        assertThat(Fold.match(in)).isEqualTo(out);
    }

    @Test
    void match_turns_tabs_newlines_and_no_break_spaces_into_one_space() {
        assertThat(Fold.match("ja\t\n\u00A0\u2009takk")).isEqualTo("ja takk");
    }

    @Test
    void letters_of_other_scripts_are_kept() {
        assertThat(Fold.match("Привет мир")).isEqualTo("привет мир");
        assertThat(Fold.match("مرحبا")).isEqualTo("مرحبا");
    }

    @Test
    void emoji_between_words_separate_them() {
        assertThat(Fold.match("nei🙂takk")).isEqualTo("nei takk");
        assertThat(Fold.words("vil🙂dø")).containsExactly("vil", "do");
    }

    @Test
    void an_accent_typed_as_its_own_character_is_dropped_without_splitting_the_word() {
        assertThat(Fold.match("Pa\u030As\u030Ake")).isEqualTo("paske");
        assertThat(Fold.words("sa\u030A la\u0308skigt")).containsExactly("sa", "laskigt");
    }

    @Test
    void words_of_match_split_the_folded_text() {
        assertThat(Fold.words("  Ja, TAKK!  gjerne ", Fold.MATCH)).containsExactly("ja", "takk", "gjerne");
        assertThat(Fold.words("  ", Fold.MATCH)).isEmpty();
        assertThat(Fold.words("🙂👍", Fold.MATCH)).isEmpty();
    }

    @Test
    void words_split_lowercase_and_fold_nordic_letters() {
        assertThat(Fold.words("Jeg VIL dø!! Æsj, så Läskigt – öl? Œuvre"))
                .containsExactly("jeg", "vil", "do", "aesj", "sa", "laskigt", "ol", "ouvre");
    }

    @Test
    void words_drop_apostrophes_inside_words() {
        assertThat(Fold.words("I don't want to, it’s ik' ok 'quoted")).containsExactly("i", "dont", "want", "to", "its", "ik", "ok", "quoted");
    }

    @Test
    void words_split_on_hyphens_and_keep_digits() {
        assertThat(Fold.words("self-harm 20 paracet")).containsExactly("self", "harm", "20", "paracet");
    }

    @Test
    void a_lexicon_line_keeps_its_pattern_signs_and_spaces() {
        assertThat(Fold.fold("ta  livet|Selvmord* =dø [x] 💊 don't", Fold.LEXICON)).isEqualTo("ta  livet|selvmord* =do [x] 💊 dont");
    }

    @Test
    void the_language_style_keeps_nordic_letters_and_drops_digits_and_punctuation() {
        assertThat(Fold.fold("Jeg VIL på Kafé 2 ganger, öl?", Fold.LANGUAGE)).isEqualTo("jeg vil på kafé ganger öl");
        assertThat(Fold.words("Æ e her!", Fold.LANGUAGE)).containsExactly("æ", "e", "her");
    }

    @Test
    void squeeze_cuts_runs_of_a_letter_but_not_digits() {
        assertThat(Fold.squeeze("jaaaa", 1)).isEqualTo("ja");
        assertThat(Fold.squeeze("neeeei", 1)).isEqualTo("nei");
        assertThat(Fold.squeeze("1100", 1)).isEqualTo("1100");
        assertThat(Fold.squeeze("doooo", 2)).isEqualTo("doo");
        assertThat(Fold.squeeze("ikke", 2)).isEqualTo("ikke");
        assertThatIllegalArgumentException().isThrownBy(() -> Fold.squeeze("x", 0)).withMessage("keep must be at least 1, was 0");
    }

    @Test
    void null_is_refused_and_verbatim_styles_have_no_words() {
        assertThatNullPointerException().isThrownBy(() -> Fold.match(null)).withMessage("text");
        assertThatIllegalArgumentException().isThrownBy(() -> Fold.words("a b", Fold.LEXICON));
    }
}
