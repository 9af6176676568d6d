package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

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
            ''                        | ''
            '   '                     | ''
            """)
    void normalize_folds_case_accents_punctuation_and_spaces(String in, String out) {
        assertThat(Text.normalize(in)).isEqualTo(out);
    }

    @Test
    void normalize_turns_tabs_newlines_and_no_break_spaces_into_one_space() {
        assertThat(Text.normalize("ja\t\n\u00A0\u2009takk")).isEqualTo("ja takk");
    }

    @Test
    void normalize_keeps_letters_of_other_scripts() {
        assertThat(Text.normalize("Привет мир")).isEqualTo("привет мир");
        assertThat(Text.normalize("مرحبا")).isEqualTo("مرحبا");
    }

    @Test
    void normalize_drops_emoji_between_words_without_gluing_them() {
        assertThat(Text.normalize("nei🙂takk")).isEqualTo("nei takk");
    }

    @Test
    void words_splits_the_normalized_text() {
        assertThat(Text.words("  Ja, TAKK!  gjerne ")).containsExactly("ja", "takk", "gjerne");
    }

    @Test
    void words_of_blank_or_emoji_only_text_is_empty() {
        assertThat(Text.words("  ")).isEmpty();
        assertThat(Text.words("🙂👍")).isEmpty();
    }

    @Test
    void squeeze_collapses_repeated_letters_but_not_digits() {
        assertThat(Text.squeeze("jaaaa")).isEqualTo("ja");
        assertThat(Text.squeeze("neeeei")).isEqualTo("nei");
        assertThat(Text.squeeze("1100")).isEqualTo("1100");
    }

    @Test
    void swedish_na_is_kept_apart_from_norwegian_naa() {
        assertThat(Text.normalize(Text.lowerWithSwedishNo("Nää"))).isEqualTo("nej");
        assertThat(Text.normalize(Text.lowerWithSwedishNo("nå"))).isEqualTo("na");
        assertThat(Text.normalize(Text.lowerWithSwedishNo("när"))).isEqualTo("nar");
    }

    @Test
    void null_is_refused() {
        assertThatNullPointerException().isThrownBy(() -> Text.normalize(null)).withMessage("s");
    }
}
