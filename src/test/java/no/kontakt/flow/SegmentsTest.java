package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import no.kontakt.flow.Segments.Culprit;
import no.kontakt.flow.Segments.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentsTest {
    /** The 127 characters of the GSM 03.38 basic set, typed out independently of the code's table. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    @Test
    void empty_text_costs_nothing() {
        assertThat(Segments.of("")).isEqualTo(new Segments(Encoding.GSM7, 0, 0));
    }

    @Test
    void the_whole_basic_set_is_gsm7_at_one_unit_each() {
        assertThat(BASIC).hasSize(127);
        assertThat(Segments.of(BASIC)).isEqualTo(new Segments(Encoding.GSM7, 127, 1));
        assertThat(Segments.ucs2Culprits(BASIC)).isEmpty();
    }

    @Test
    void norwegian_danish_and_swedish_letters_are_gsm7() {
        assertThat(Segments.of("Hei! Vi ringer deg på fredag. Æ Ø Å æ ø å Ä Ö ä ö Ü ü é É"))
                .extracting(Segments::encoding).isEqualTo(Encoding.GSM7);
    }

    @ParameterizedTest(name = "extension character {0} costs two units")
    @ValueSource(strings = {"^", "{", "}", "\\", "[", "~", "]", "|", "€", "\f"})
    void extension_characters_cost_two_units(String c) {
        assertThat(Segments.of(c)).isEqualTo(new Segments(Encoding.GSM7, 2, 1));
        assertThat(Segments.ucs2Culprits(c)).isEmpty();
    }

    @ParameterizedTest(name = "{0} forces UCS-2")
    @ValueSource(strings = {"á", "í", "ó", "ú", "â", "ê", "ç", "ë", "`", "’", "“", "–", "…", "\u00A0", "\t", "•",
            "🙂", "П", "ı", "°"})
    void characters_outside_the_alphabet_force_ucs2(String c) {
        assertThat(Segments.of("Hei " + c).encoding()).isEqualTo(Encoding.UCS2);
    }

    @Test
    void a_gsm7_text_of_160_units_is_one_segment_and_161_is_two() {
        assertThat(Segments.of("a".repeat(160))).isEqualTo(new Segments(Encoding.GSM7, 160, 1));
        assertThat(Segments.of("a".repeat(161))).isEqualTo(new Segments(Encoding.GSM7, 161, 2));
        assertThat(Segments.of("a".repeat(306))).isEqualTo(new Segments(Encoding.GSM7, 306, 2));
        assertThat(Segments.of("a".repeat(307))).isEqualTo(new Segments(Encoding.GSM7, 307, 3));
    }

    @Test
    void an_extension_character_at_the_limit_tips_the_text_into_two_segments() {
        assertThat(Segments.of("a".repeat(158) + "€")).isEqualTo(new Segments(Encoding.GSM7, 160, 1));
        assertThat(Segments.of("a".repeat(159) + "€")).isEqualTo(new Segments(Encoding.GSM7, 161, 2));
        assertThat(Segments.of("[".repeat(80))).isEqualTo(new Segments(Encoding.GSM7, 160, 1));
        assertThat(Segments.of("[".repeat(81))).isEqualTo(new Segments(Encoding.GSM7, 162, 2));
    }

    @Test
    void an_extension_character_is_never_split_across_two_parts() {
        // 152 + € would straddle the 153-septet part boundary, so € starts part two: 152 | 2+151 | 1
        String text = "a".repeat(152) + "€" + "a".repeat(152);
        assertThat(Segments.of(text)).isEqualTo(new Segments(Encoding.GSM7, 306, 3));
        assertThat(Segments.of("a".repeat(151) + "€" + "a".repeat(153))).isEqualTo(new Segments(Encoding.GSM7, 306, 2));
    }

    @Test
    void a_ucs2_text_of_70_units_is_one_segment_and_71_is_two() {
        assertThat(Segments.of("á".repeat(70))).isEqualTo(new Segments(Encoding.UCS2, 70, 1));
        assertThat(Segments.of("á".repeat(71))).isEqualTo(new Segments(Encoding.UCS2, 71, 2));
        assertThat(Segments.of("á".repeat(134))).isEqualTo(new Segments(Encoding.UCS2, 134, 2));
        assertThat(Segments.of("á".repeat(135))).isEqualTo(new Segments(Encoding.UCS2, 135, 3));
    }

    @Test
    void one_ucs2_character_makes_every_character_cost_a_code_unit() {
        String text = "a".repeat(69) + "’";
        assertThat(Segments.of(text)).isEqualTo(new Segments(Encoding.UCS2, 70, 1));
        assertThat(Segments.of("a".repeat(70) + "’")).isEqualTo(new Segments(Encoding.UCS2, 71, 2));
    }

    @Test
    void extension_characters_cost_one_unit_in_ucs2() {
        assertThat(Segments.of("€".repeat(69) + "’")).isEqualTo(new Segments(Encoding.UCS2, 70, 1));
    }

    @Test
    void an_emoji_counts_two_code_units_and_is_not_split_across_parts() {
        assertThat(Segments.of("🙂")).isEqualTo(new Segments(Encoding.UCS2, 2, 1));
        assertThat(Segments.of("a".repeat(68) + "🙂")).isEqualTo(new Segments(Encoding.UCS2, 70, 1));
        assertThat(Segments.of("a".repeat(69) + "🙂")).isEqualTo(new Segments(Encoding.UCS2, 71, 2));
        // 66 + 🙂 would straddle the 67-unit part boundary: 66 | 2+65 | 1
        assertThat(Segments.of("a".repeat(66) + "🙂" + "a".repeat(66))).isEqualTo(new Segments(Encoding.UCS2, 134, 3));
    }

    @Test
    void culprits_name_each_character_with_its_index_and_a_gsm7_replacement() {
        List<Culprit> culprits = Segments.ucs2Culprits("Hei – vi ringer «snart»… ’ok’");
        assertThat(culprits).containsExactly(
                new Culprit(4, "–", "-"),
                new Culprit(16, "«", "\""),
                new Culprit(22, "»", "\""),
                new Culprit(23, "…", "..."),
                new Culprit(25, "’", "'"),
                new Culprit(28, "’", "'"));
    }

    @Test
    void every_listed_replacement_is_known() {
        assertThat(suggestions("‘’‚′´")).containsOnly("'");
        assertThat(suggestions("“”„″«»")).containsOnly("\"");
        assertThat(suggestions("–—")).containsOnly("-");
        assertThat(suggestions("…")).containsOnly("...");
        assertThat(suggestions("\u00A0\u2002\u2003\u2009\u202F\u3000\t")).containsOnly(" ");
        assertThat(suggestions("•")).containsOnly("-");
    }

    @Test
    void accented_letters_outside_the_alphabet_suggest_the_plain_letter() {
        assertThat(suggestions("áíóúâêç")).containsExactly("a", "i", "o", "u", "a", "e", "c");
    }

    @Test
    void invisible_characters_suggest_dropping_them() {
        assertThat(suggestions("\u200B\u00AD\uFEFF")).containsOnly("");
    }

    @Test
    void emoji_and_other_scripts_have_no_replacement() {
        List<Culprit> culprits = Segments.ucs2Culprits("ok 🙂 Привет");
        assertThat(culprits).hasSize(7);
        assertThat(culprits.get(0)).isEqualTo(new Culprit(3, "🙂", null));
        assertThat(culprits.get(1)).isEqualTo(new Culprit(6, "П", null));
    }

    @Test
    void a_gsm7_text_has_no_culprits() {
        assertThat(Segments.ucs2Culprits("Hei Åse! Vi ringer {i morgen} kl. 14 ~ €")).isEmpty();
        assertThat(Segments.ucs2Culprits("")).isEmpty();
    }

    @Test
    void replacing_every_culprit_makes_the_text_gsm7() {
        String text = "“Hei” – vi ringer deg i morgen… ’Ok?’";
        StringBuilder fixed = new StringBuilder(text);
        List<Culprit> culprits = Segments.ucs2Culprits(text);
        for (int k = culprits.size() - 1; k >= 0; k--) {
            Culprit c = culprits.get(k);
            fixed.replace(c.index(), c.index() + c.character().length(), c.suggestion());
        }
        assertThat(Segments.of(fixed.toString()).encoding()).isEqualTo(Encoding.GSM7);
        assertThat(fixed).hasToString("\"Hei\" - vi ringer deg i morgen... 'Ok?'");
    }

    @Test
    void negative_counts_are_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Segments(Encoding.GSM7, -1, 0));
    }

    private static List<String> suggestions(String characters) {
        return Segments.ucs2Culprits(characters).stream().map(Culprit::suggestion).toList();
    }
}
