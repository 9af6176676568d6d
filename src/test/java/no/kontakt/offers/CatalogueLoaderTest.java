package no.kontakt.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import no.kontakt.flow.Problem;
import org.junit.jupiter.api.Test;

class CatalogueLoaderTest {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    static final List<String> LANGUAGES = List.of("nb", "en");

    static final String TEXTS = """
            texts:
              reminder: {nb: "Husk {{title}} {{when}}, {{place}}.", en: "Remember {{title}} {{when}}, {{place}}."}
              promoted: {nb: "Du fikk plass på {{title}}.", en: "You got a place on {{title}}."}
            """;

    static String offer(String extra) {
        return TEXTS + """
                offers:
                  - id: kid
                    category: coping
                    title: {nb: Kurs i depresjonsmestring, en: Coping with depression}
                    description: {nb: Åtte kvelder., en: Eight evenings.}
                    organiser: Mestringsenheten
                    place: Kongens gate 12
                    sessions:
                      - weekly: tuesday
                        time: "18:00"
                        duration: 2h30m
                        from: 2027-01-12
                        until: 2027-03-02
                    signup: true
                    public: true
                """ + extra;
    }

    static List<String> problems(String yaml) {
        return CatalogueLoader.read("config/offers.yaml", yaml, OSLO, LANGUAGES).problems().stream().map(Problem::toString).toList();
    }

    @Test
    void the_shipped_catalogue_loads_without_errors_or_warnings() {
        var result = CatalogueLoader.read("config/offers.yaml", read(Path.of("config/offers.yaml")), OSLO, List.of("nb", "nn", "da", "sv", "en"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.catalogue().offers()).hasSizeBetween(8, 12);
        assertThat(result.catalogue().offers()).extracting(o -> o.category()).contains(Category.values());
        assertThat(result.catalogue().offers()).anyMatch(o -> !o.isPublic()).anyMatch(o -> !o.signup()).anyMatch(Offer::limited);
    }

    @Test
    void reads_a_weekly_offer() {
        var result = CatalogueLoader.read("config/offers.yaml", offer("    capacity: 12\n"), OSLO, LANGUAGES);
        assertThat(result.problems()).isEmpty();
        Offer kid = result.catalogue().find("kid").orElseThrow();
        assertThat(kid.capacity()).isEqualTo(12);
        assertThat(kid.waitingList()).isTrue();
        assertThat(kid.audience()).isEqualTo(Audience.ALL);
        assertThat(kid.sessions()).hasSize(1).first().isInstanceOf(SessionRule.Weekly.class);
    }

    @Test
    void locates_a_bad_time_by_line_and_key_path() {
        assertThat(problems(offer("").replace("\"18:00\"", "\"25:00\"")))
                .containsExactly("config/offers.yaml:13:9: offers[0].sessions[0].time: '25:00' is not a time of day; write it like 18:00");
    }

    @Test
    void reports_every_error_at_once() {
        String yaml = offer("").replace("category: coping", "category: mestring").replace("weekly: tuesday", "weekly: tirsdagg")
                .replace("signup: true", "signup: kanskje").replace(", en: Eight evenings.}", "}");
        assertThat(problems(yaml)).containsExactly(
                "config/offers.yaml:6:5: offers[0].category: 'mestring' is not a category (known: coping, recovery_school, relatives, cannabis, psychologist, peer, user_org, activity)",
                "config/offers.yaml:8:5: offers[0].description: the en text is missing",
                "config/offers.yaml:12:9: offers[0].sessions[0].weekly: 'tirsdagg' is not a weekday (monday ... sunday, or mandag ... søndag)",
                "config/offers.yaml:17:5: offers[0].signup: must be true or false (was 'kanskje')");
    }

    @Test
    void refuses_a_capacity_on_a_drop_in_offer() {
        assertThat(problems(offer("    capacity: 8\n").replace("signup: true", "signup: false")))
                .containsExactly("config/offers.yaml:19:5: offers[0].capacity: a drop-in offer (signup: false) has no seats to count; remove capacity or set signup: true");
    }

    @Test
    void refuses_unknown_keys_and_duplicate_ids() {
        String twice = offer("    capasity: 8\n") + offer("").substring(offer("").indexOf("  - id: kid"));
        assertThat(problems(twice)).containsExactly(
                "config/offers.yaml:19:5: offers[0].capasity: unknown key 'capasity' (known here: audience, capacity, category, description, id, organiser, place, public, sessions, signup, title, waiting_list)",
                "config/offers.yaml:20:5: offers[1].id: the id 'kid' is used already by offers[0] at line 5; every offer needs its own id");
    }

    @Test
    void checks_sessions() {
        assertThat(problems(offer("").replace("until: 2027-03-02", "until: 2026-03-02")))
                .containsExactly("config/offers.yaml:16:9: offers[0].sessions[0].until: 2026-03-02 is before 'from' 2027-01-12");
        assertThat(problems(offer("").replace("duration: 2h30m", "duration: lenge")))
                .containsExactly("config/offers.yaml:14:9: offers[0].sessions[0].duration: 'lenge' is not a duration; write it like 2h, 90m or 1h30m");
        assertThat(problems(offer("").replace("      - weekly: tuesday\n", "      - at: 2027-01-12 18:00\n        weekly: tuesday\n")))
                .containsExactly("config/offers.yaml:12:9: offers[0].sessions[0]: give either 'at: 2026-12-02 10:00' (one meeting) or 'weekly: tuesday' (every week), not both");
    }

    @Test
    void warns_about_texts_that_cost_more_sms() {
        String yaml = offer("").replace("Eight evenings.", "Eight \u201cgood\u201d evenings.");
        assertThat(problems(yaml)).containsExactly(
                "config/offers.yaml:8:38: warning: offers[0].description.en: '\u201c' makes the SMS UCS-2 (70 characters a segment instead of 160); write '\"' instead",
                "config/offers.yaml:8:38: warning: offers[0].description.en: '\u201d' makes the SMS UCS-2 (70 characters a segment instead of 160); write '\"' instead");
        var ok = CatalogueLoader.read("config/offers.yaml", yaml, OSLO, LANGUAGES);
        assertThat(ok.catalogue()).isNotNull();
    }

    @Test
    void checks_the_texts_placeholders() {
        assertThat(problems(offer("").replace("Du fikk plass på {{title}}.", "Du fikk plass på {{kurs}}.")))
                .containsExactly("config/offers.yaml:3:14: texts.promoted.nb: {{kurs}} is not known here (known: place, title, when)");
    }

    @Test
    void load_throws_with_every_error_and_the_file() {
        assertThatThrownBy(() -> CatalogueLoader.load(Path.of("no/such/offers.yaml"), OSLO, LANGUAGES))
                .isInstanceOf(CatalogueException.class).hasMessageContaining("no/such/offers.yaml: cannot be read");
    }

    static String read(Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
