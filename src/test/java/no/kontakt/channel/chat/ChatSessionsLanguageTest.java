package no.kontakt.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import no.kontakt.privacy.Pseudonyms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatSessionsLanguageTest {
    private final ChatSessions bokmal = new ChatSessions(new Pseudonyms(new byte[32]), List.of("nb", "nn", "da", "sv", "en"), "nb");
    private final ChatSessions nynorsk = new ChatSessions(new Pseudonyms(new byte[32]), List.of("nn", "en"), "nn");

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            de-DE, sv-SE;q=0.8, en;q=0.5        | sv
            en;q=0.5, da;q=0.9                  | da
            en;q=0, sv                          | sv
            en;q=0                              | none
            nb-NO                               | nb
            NN-no                               | nn
            no                                  | nb
            no-NO, en;q=0.1                     | nb
            *                                   | none
            fr-FR, *;q=0.5                      | none
            en-US, en;q=0.9, *;q=0.5            | en
            fr-FR, de;q=0.9                     | none
            sv;q=abc, da                        | da
            sv;q=1.5, en;q=0.2                  | en
            '@@@, ;;;, =='                      | none
            ''                                  | none
            """)
    void the_accept_language_header_picks_the_first_offered_language_by_weight(String header, String expected) {
        assertThat(bokmal.preferred(header)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            no           | nn
            no-NO        | nn
            nb-NO        | nn
            nn           | nn
            da, en;q=0.5 | en
            sv           | none
            """)
    void where_nynorsk_is_the_default_no_means_nynorsk(String header, String expected) {
        assertThat(nynorsk.preferred(header)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            nb       | nb
            nb_NO    | nb
            sv-FI    | sv
            no       | nb
            de       | none
            *        | none
            'x y z'  | none
            """)
    void a_single_tag_names_a_language_of_the_unit(String tag, String expected) {
        assertThat(bokmal.match(tag)).isEqualTo(Optional.ofNullable(expected));
        assertThat(bokmal.pick(tag)).isEqualTo(expected == null ? "nb" : expected);
    }

    @org.junit.jupiter.api.Test
    void nothing_and_oversized_headers_ask_for_nothing() {
        assertThat(bokmal.preferred(null)).isEmpty();
        assertThat(bokmal.preferred("sv," + "x".repeat(600))).isEmpty();
    }
}
