package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2          | 2
            ' 3 '      | 3
            2.         | 2
            2)         | 2
            #4         | 4
            07         | 7
            0          | 0
            12         | 12
            123456789  | 123456789
            en         | 1
            én         | 1
            ett        | 1
            et         | 1
            ein        | 1
            eitt       | 1
            one        | 1
            to         | 2
            två        | 2
            Two        | 2
            tre        | 3
            three      | 3
            fire       | 4
            fyra       | 4
            four       | 4
            fem        | 5
            seks       | 6
            sex        | 6
            six        | 6
            sju        | 7
            syv        | 7
            åtte       | 8
            otte       | 8
            åtta       | 8
            eight      | 8
            ni         | 9
            nio        | 9
            ti         | 10
            tio        | 10
            elleve     | 11
            elva       | 11
            eleven     | 11
            tolv       | 12
            twelve     | 12
            'Fire!'    | 4
            """)
    void reads_a_number_typed_as_the_whole_answer(String text, int number) {
        assertThat(Numbers.parse(text, "nb")).contains(number);
    }

    @ParameterizedTest(name = "\"{0}\" is not a number")
    @ValueSource(strings = {"", " ", "2 barn", "1 2", "2,5", "nr 2", "nummer to", "kanskje to", "en gang",
            "ett tu tre", "tretten", "1234567890", "-", "x", "to?!?!x", "-2", "2:30"})
    void reads_nothing_when_the_answer_is_more_than_a_number(String text) {
        assertThat(Numbers.parse(text, "nb")).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] \"en\" alone is one")
    @ValueSource(strings = {"nb", "nn", "da", "sv", "en"})
    void en_alone_is_one_in_every_language(String language) {
        assertThat(Numbers.parse("en", language)).contains(1);
        assertThat(Numbers.parse("et", language)).contains(1);
    }
}
