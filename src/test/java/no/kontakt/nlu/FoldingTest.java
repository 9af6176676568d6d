package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldingTest {
    @Test
    void splits_lowercases_and_folds_nordic_letters() {
        assertThat(Folding.words("Jeg VIL dø!! Æsj, så Läskigt – öl?"))
                .containsExactly("jeg", "vil", "do", "aesj", "sa", "laskigt", "ol");
    }

    @Test
    void drops_apostrophes_inside_words() {
        assertThat(Folding.words("I don't want to, it’s ik' ok")).containsExactly("i", "dont", "want", "to", "its", "ik", "ok");
    }

    @Test
    void splits_on_hyphens_and_keeps_digits() {
        assertThat(Folding.words("self-harm 20 paracet")).containsExactly("self", "harm", "20", "paracet");
    }

    @Test
    void squeezes_runs_of_a_letter() {
        assertThat(Folding.squeezeRuns("doooo", 2)).isEqualTo("doo");
        assertThat(Folding.squeezeRuns("doooo", 1)).isEqualTo("do");
        assertThat(Folding.squeezeRuns("ikke", 2)).isEqualTo("ikke");
    }

    @Test
    void edit_distance_counts_a_swap_of_neighbours_as_one() {
        assertThat(EditDistance.within("tabeltter", "tabletter", 2)).isEqualTo(1);
        assertThat(EditDistance.within("overdoes", "overdose", 1)).isEqualTo(1);
        assertThat(EditDistance.within("pills", "bills", 1)).isEqualTo(1);
        assertThat(EditDistance.within("selvmord", "kurs", 2)).isEqualTo(3);
    }
}
