package no.kontakt.flow;

import static org.assertj.core.api.Assertions.assertThat;

import no.kontakt.text.Fold;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void swedish_na_is_kept_apart_from_norwegian_naa() {
        assertThat(Fold.match(Text.lowerWithSwedishNo("Nää"))).isEqualTo("nej");
        assertThat(Fold.match(Text.lowerWithSwedishNo("nå"))).isEqualTo("na");
        assertThat(Fold.match(Text.lowerWithSwedishNo("när"))).isEqualTo("nar");
    }
}
