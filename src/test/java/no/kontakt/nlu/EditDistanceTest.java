package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void edit_distance_counts_a_swap_of_neighbours_as_one() {
        assertThat(EditDistance.within("tabeltter", "tabletter", 2)).isEqualTo(1);
        assertThat(EditDistance.within("overdoes", "overdose", 1)).isEqualTo(1);
        assertThat(EditDistance.within("pills", "bills", 1)).isEqualTo(1);
        assertThat(EditDistance.within("selvmord", "kurs", 2)).isEqualTo(3);
    }

    @Test
    void places_follow_the_folded_words_and_count_clauses() {
        String text = "ingen selvmordstanker, vil d\u00F8 don't";
        assertThat(no.kontakt.text.Fold.words(text)).hasSize(Folding.places(text).size());
        assertThat(Folding.places(text)).extracting(Folding.Place::clause).containsExactly(0, 0, 1, 1, 1);
        assertThat(Folding.places("pa\u030Aske")).hasSize(1);
    }
}
