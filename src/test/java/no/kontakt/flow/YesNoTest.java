package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YesNoTest {

    @ParameterizedTest(name = "[{1}] \"{0}\" is yes")
    @CsvSource(delimiter = '|', textBlock = """
            ja               | nb
            Ja takk          | nb
            jaaa             | nb
            ja!              | nb
            JA!!! 🙂         | nb
            jo               | nb
            jepp             | nb
            japp             | sv
            jada             | nb
            jaja             | nb
            gjerne           | nb
            ja gjerne        | nn
            ok               | nb
            okei             | nb
            Ok takk          | nb
            greit            | nb
            det passer       | nb
            ja det passer    | nb
            ja tak           | da
            gerne            | da
            ja tack          | sv
            gärna            | sv
            okej             | sv
            självklart       | sv
            yes              | en
            Yes please       | en
            yep              | en
            yeah             | en
            y                | en
            sure             | en
            of course        | en
            no problem       | en
            ikke noe problem | nb
            ja, takk.        | nb
            jeppp            | nb
            ja 👍            | nb
            """)
    void reads_yes(String text, String language) {
        assertThat(YesNo.parse(text, language)).contains(true);
    }

    @ParameterizedTest(name = "[{1}] \"{0}\" is no")
    @CsvSource(delimiter = '|', textBlock = """
            nei              | nb
            Nei takk         | nb
            neeei            | nb
            nei 🙂           | nb
            nei!!            | nb
            nej              | da
            nej tak          | da
            næ               | da
            nej tack         | sv
            nä               | sv
            nää              | sv
            nä tack          | sv
            inte             | sv
            inte nu          | sv
            no               | en
            No thanks        | en
            nope             | en
            nah              | en
            n                | en
            not now          | en
            aldri            | nb
            aldrig           | da
            ikke nå          | nb
            ikkje no         | nn
            nei ikke nå      | nb
            passer ikke      | nb
            det passer ikke  | nb
            nei det passer ikke | nb
            helst ikke       | nb
            ikke interessert | nb
            nei nei          | nb
            """)
    void reads_no(String text, String language) {
        assertThat(YesNo.parse(text, language)).contains(false);
    }

    @ParameterizedTest(name = "\"{0}\" is neither")
    @ValueSource(strings = {"kanskje", "vet ikke", "ved ikke", "vet inte", "I don't know", "ja nei", "jo nei",
            "nei ja", "jein", "nja", "hei", "takk", "ja men bare etter 16", "hvem er du?", "1", "", "   ", "🙂",
            "nå", "ja eller nei", "maybe", "nja kanske"})
    void reads_neither(String text) {
        assertThat(YesNo.parse(text, "nb")).isEmpty();
    }

    @Test
    void norwegian_naa_alone_is_not_the_swedish_no() {
        assertThat(YesNo.parse("nå", "sv")).isEmpty();
        assertThat(YesNo.parse("nä", "nb")).contains(false);
    }

    @Test
    void no_alone_means_now_in_nynorsk_so_it_is_neither_there() {
        assertThat(YesNo.parse("no", "nn")).isEmpty();
        assertThat(YesNo.parse("no", "nb")).contains(false);
        assertThat(YesNo.parse("nei no", "nn")).contains(false);
        assertThat(YesNo.parse("ja no", "nn")).contains(true);
    }

    @Test
    void words_of_every_language_count_whatever_the_language_hint() {
        assertThat(YesNo.parse("yes", "nb")).contains(true);
        assertThat(YesNo.parse("nej tak", "en")).contains(false);
        assertThat(YesNo.parse("jo", null)).contains(true);
    }

    @Test
    void a_thumb_alone_answers() {
        assertThat(YesNo.parse("👍", "nb")).contains(true);
        assertThat(YesNo.parse("👍🏽", "nb")).contains(true);
        assertThat(YesNo.parse("👎", "nb")).contains(false);
        assertThat(YesNo.parse("👍👎", "nb")).isEmpty();
    }

    @Test
    void a_thumb_does_not_override_words() {
        assertThat(YesNo.parse("nei 👍", "nb")).contains(false);
    }
}
