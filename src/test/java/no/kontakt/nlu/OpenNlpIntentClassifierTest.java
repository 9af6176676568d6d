package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import no.kontakt.flow.IntentClassifier.Match;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The intent classifier's rules, on the shipped conversations/intents.yaml. */
class OpenNlpIntentClassifierTest {
    private static OpenNlpIntentClassifier classifier;

    @BeforeAll
    static void train() {
        classifier = new OpenNlpIntentClassifier(IntentExamples.read(Path.of("conversations/intents.yaml")));
    }

    private static Optional<String> intent(String text, String... candidates) {
        return classifier.classify(text, "nb", Set.of(candidates)).map(Match::intent);
    }

    @Test
    void an_example_is_its_intent_whatever_its_case_accents_repeated_letters_and_filler_words() {
        assertThat(classifier.classify("STOPP", "nb", Set.of())).contains(new Match("stop", 1.0));
        assertThat(intent("Hovedmenyen!!")).contains("menu");
        assertThat(intent("heeeei")).contains("greeting");
        assertThat(intent("meny takk")).contains("menu");
        assertThat(intent("stopp nå")).contains("stop");
        assertThat(intent("i kveld")).contains("ambulant");
    }

    @Test
    void an_example_of_other_or_of_an_intent_the_step_does_not_route_is_no_intent() {
        assertThat(intent("tusen takk")).isEmpty();
        assertThat(intent("ok")).isEmpty();
        assertThat(intent("stopp", "contact", "offers", "ambulant")).isEmpty();
    }

    @Test
    void sms_spellings_and_dialect_are_written_out() {
        assertThat(NluText.tokens("Ka skjer ikveld?")).containsExactly("hva", "skjer", "i", "kveld");
        assertThat(NluText.tokens("kan nån ringe mej")).containsExactly("kan", "noen", "ringe", "meg");
        assertThat(NluText.tokens("gi meg en tlf pls")).containsExactly("gi", "meg", "en", "telefon", "please");
        assertThat(NluText.tokens("sluta sms:a mig kl. 16:30")).containsExactly("sluta", "sms", "a", "meg", "kl", "16:30");
    }

    @Test
    void a_word_the_examples_never_use_is_repaired_within_one_typo_but_an_inflection_is_not() {
        assertThat(classifier.words("kan noen rinnge meg")).containsExactly("kan", "noen", "ringe", "meg");
        assertThat(classifier.words("heyy")).containsExactly("hey");
        // "bruge" (to use) is not "brug" (need): a different last letter is no typo
        assertThat(classifier.words("hvad kan jeg bruge jer til")).contains("bruge");
    }

    @Test
    void requests_in_free_text_are_classified() {
        assertThat(intent("kan noen av dere ringe meg i morgen formiddag")).contains("contact");
        assertThat(intent("har dere noen kurs for pårørende til våren")).contains("offers");
        assertThat(intent("kan noen komme hjem til meg i kveld")).contains("ambulant");
        assertThat(intent("vil at dere sletter alt om meg")).contains("erase");
    }

    @Test
    void a_time_word_alone_in_an_everyday_message_is_not_a_request_for_the_evening_team() {
        assertThat(intent("skal på fotballkamp i kveld med gutta")).isEmpty();
    }

    @Test
    void a_request_the_step_does_not_route_is_not_turned_into_one_it_does() {
        // "stop" is most likely; at a step routing contact, offers and ambulant that is no intent, not contact
        assertThat(intent("ikke send meg flere meldinger")).contains("stop");
        assertThat(intent("ikke send meg flere meldinger", "contact", "offers", "ambulant")).isEmpty();
        assertThat(intent("kan noen ringe meg i morgen", "contact", "offers", "ambulant")).contains("contact");
    }

    @Test
    void training_is_timed() {
        assertThat(OpenNlpIntentClassifier.train(IntentExamples.read(Path.of("conversations/intents.yaml"))).trainingMillis()).isPositive();
        assertThat(classifier.trainingMillis()).isNotNegative();
    }
}
