package no.kontakt.offers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingTest {
    static final ZonedDateTime NOW = ZonedDateTime.parse("2026-11-24T10:00:00+01:00[Europe/Oslo]");

    static List<Listing.Entry> entries(int n) {
        List<Listing.Entry> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Offer offer = new Offer("o" + i, Category.COPING, java.util.Map.of("nb", "Tilbud " + i), java.util.Map.of("nb", "."), null,
                    "org", "sted", List.of(), null, false, true, true);
            out.add(new Listing.Entry(offer, new OfferSession(offer.id(), NOW.plusDays(i), NOW.plusDays(i).plusHours(1)), i == 2 ? "venteliste nr. 1" : ""));
        }
        return out;
    }

    @Test
    void numbers_run_on_across_pages_and_every_number_seen_stays_valid() {
        Listing.Page first = Listing.page(entries(5), 1, "nb", NOW);
        assertThat(first.text()).isEqualTo("1 Tilbud 1, i morgen kl. 10.00\n2 Tilbud 2, torsdag kl. 10.00 (venteliste nr. 1)\n3 Tilbud 3, fredag kl. 10.00");
        assertThat(first.more()).isTrue();
        assertThat(first.nextPage()).isEqualTo(2);
        Listing.Page second = Listing.page(entries(5), 2, "nb", NOW);
        assertThat(second.text()).startsWith("4 Tilbud 4, ").contains("\n5 Tilbud 5, ");
        assertThat(second.more()).isFalse();
        assertThat(second.nextPage()).as("MER on the last page starts over").isEqualTo(1);
        assertThat(second.ids()).containsExactly("o1", "o2", "o3", "o4", "o5");
        assertThat(Listing.page(entries(5), 7, "nb", NOW).ids()).containsExactly("o1", "o2", "o3");
    }

    @Test
    void maps_the_number_answered_to_the_offer() {
        assertThat(Listing.chosen("2", "o1 o2 o3")).hasValue("o2");
        assertThat(Listing.chosen("4", "o1 o2 o3")).isEmpty();
        assertThat(Listing.chosen("0", "o1")).isEmpty();
        assertThat(Listing.chosen("1", "")).isEmpty();
        assertThat(Listing.chosen("en", "o1")).isEmpty();
    }
}
