package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The detector's rules one at a time: typos, third person, topics, negation, emoji, reasons. */
class RiskRulesTest {
    private static RiskDetector detector;

    @BeforeAll
    static void load() {
        detector = RiskDetector.load();
    }

    private static RiskAssessment assess(String text) {
        return detector.assess(text, "und");
    }

    @Test
    void catches_the_phrases_crisis_lines_name_in_every_language() {
        for (String text : new String[] {"jeg vil ikke leve lenger", "vil ikke leve mer", "orker ikke mer", "vil dø",
                "tar livet mitt", "ta livet av meg", "gjøre slutt på alt", "ingen vits å leve", "har skrevet avskjedsbrev",
                "eg vil ikkje leve lenger", "jeg vil ikke leve længere", "tage mit eget liv", "jag vill inte leva längre",
                "jag vill dö", "ta livet av mig", "I don't want to live anymore", "want to die", "kill myself", "kms",
                "end it all", "suicide", "selvmord", "självmord", "kutter meg", "skader meg selv", "cutting myself",
                "skära mig", "cutter mig", "piller", "tabletter", "tablettene", "pillene", "pills", "paracet",
                "paracetamol", "sovepiller", "sovemedisin", "hele glasset", "hele pakka", "overdose", "od", "overdosis",
                "överdos", "tatt for mye", "hoppe fra brua", "har kjøpt tau", "han slår meg", "jeg er redd han dreper meg",
                "jeg kommer til å skade noen", "he hits me", "jeg blir slått", "han truer meg", "hon slår mig",
                "han slår mig"}) {
            assertThat(assess(text).risk()).as(text).isTrue();
        }
    }

    @Test
    void tolerates_one_typo_in_words_of_five_to_eight_letters_and_two_in_longer_words() {
        assertThat(assess("har tatt masse tabeltter").risk()).isTrue();
        assertThat(assess("i think i overdoes").reasons()).contains("method:overdose");
        assertThat(assess("selvmordstnaker hver dag").risk()).isTrue();
        assertThat(assess("tenker på selvmorsforsøk").risk()).isTrue();
        assertThat(assess("paracetamoll").reasons()).contains("method:pills");
    }

    @Test
    void short_words_match_only_exactly_and_only_as_whole_words() {
        assertThat(assess("kms").risk()).isTrue();
        assertThat(assess("kmt").risk()).isFalse();
        assertThat(assess("tok en od").risk()).isTrue();
        assertThat(assess("that is odd").risk()).isFalse();
        assertThat(assess("kode").risk()).isFalse();
        assertThat(assess("skal vi ta en pils").risk()).isFalse();
    }

    @Test
    void a_typo_keeps_the_first_letter() {
        assertThat(assess("must pay my bills").risk()).isFalse();
        assertThat(assess("spills on the floor").risk()).isFalse();
    }

    @Test
    void a_typo_in_a_compound_never_turns_one_compound_into_its_sibling() {
        assertThat(assess("föreläsning om självmordsprevention").risk()).isFalse();
    }

    @Test
    void squeezes_repeated_letters_and_folds_accents() {
        assertThat(assess("jeg vil dooooo").risk()).isTrue();
        assertThat(assess("jeg vil ikke leeeeve").risk()).isTrue();
        assertThat(assess("jeg vil do").risk()).isTrue();
        assertThat(assess("jag vill inte leva langre").risk()).isTrue();
        assertThat(assess("jeg vil paa do").risk()).isFalse();
    }

    @Test
    void third_person_worry_is_risk_with_its_own_reason() {
        assertThat(assess("broren min sier han vil ta livet sitt").reasons())
                .contains("third_person").anyMatch(r -> r.startsWith("lexicon:nb:suicidal:"));
        assertThat(assess("my brother says he will kill himself").reasons()).contains("third_person");
        assertThat(assess("min datter skader seg selv").reasons()).contains("third_person");
        assertThat(assess("datteren min har tatt masse piller").reasons()).contains("third_person", "method:overdose");
    }

    @Test
    void violence_against_the_writer_is_not_third_person() {
        RiskAssessment assessment = assess("kjæresten min slår meg");
        assertThat(assessment.risk()).isTrue();
        assertThat(assessment.reasons()).doesNotContain("third_person").anyMatch(r -> r.contains(":domestic_violence:"));
    }

    @Test
    void a_topic_discounts_a_mention_and_says_why() {
        RiskAssessment course = assess("kurset om selvmordsforebygging");
        assertThat(course.risk()).isFalse();
        assertThat(course.reasons()).contains("topic:course").anyMatch(r -> r.startsWith("discounted:lexicon:"));
        assertThat(assess("the course on suicide prevention").risk()).isFalse();
        assertThat(assess("suicide prevention training").reasons()).contains("topic:prevention");
        assertThat(assess("har dere noe for pårørende etter selvmord").reasons()).containsExactly(
                "topic:bereaved", "discounted:lexicon:nb:suicidal:selvmord*");
    }

    @Test
    void a_topic_never_cancels_an_intent_phrase() {
        RiskAssessment assessment = assess("jeg var på kurs om selvmord men nå vil jeg ikke leve lenger");
        assertThat(assessment.risk()).isTrue();
        assertThat(assessment.reasons()).contains("lexicon:nb:suicidal:ikke leve", "topic:course");
        assertThat(assess("foredrag om selvmord i går, nå har jeg selvmordstanker selv").risk()).isTrue();
    }

    @Test
    void a_topic_word_before_a_mention_needs_its_preposition() {
        assertThat(assess("har dere kurs? datteren min skader seg selv").risk()).isTrue();
        assertThat(assess("kurs for foreldre til barn som skader seg selv").risk()).isFalse();
    }

    @Test
    void not_wanting_to_die_is_no_risk_but_not_wanting_to_live_is() {
        assertThat(assess("jeg vil ikke dø").risk()).isFalse();
        assertThat(assess("I don't want to die").reasons()).allMatch(r -> r.startsWith("negated:"));
        assertThat(assess("jeg vil ikke leve").risk()).isTrue();
        assertThat(assess("i dont want to die but i want to kill myself").risk()).isTrue();
    }

    @Test
    void an_exception_suppresses_only_the_hits_it_overlaps() {
        assertThat(assess("tok en paracet for hodepinen").risk()).isFalse();
        assertThat(assess("tok en paracet for hodepinen og så resten av pakka").risk()).isTrue();
        assertThat(assess("kan jeg henge meg på gruppa").risk()).isFalse();
        assertThat(assess("vil henge meg på loftet gruppa hjelper ikke").risk()).isTrue();
        assertThat(assess("orker ikke mer vil bare å dø").risk()).isTrue();
    }

    @Test
    void method_emoji_are_risk_on_their_own() {
        assertThat(assess("💊").reasons()).containsExactly("emoji:pill");
        assertThat(assess("💊💊💊 bye").risk()).isTrue();
        assertThat(assess("🔪").reasons()).containsExactly("emoji:knife");
        assertThat(assess("haha 😂👍").risk()).isFalse();
    }

    @Test
    void reasons_never_hold_message_text() {
        RiskAssessment assessment = assess("Kari Nordmann 98765432: vil ikke leve lenger, har 30 Paracet-tabletter 💊");
        assertThat(assessment.risk()).isTrue();
        assertThat(String.join(" ", assessment.reasons()))
                .doesNotContain("Kari").doesNotContain("Nordmann").doesNotContain("98765432").doesNotContain("30");
        assertThat(assessment.reasons()).isSubsetOf(detector.knownReasons());
    }

    @Test
    void the_language_hint_orders_the_reasons_but_every_lexicon_is_checked() {
        assertThat(detector.assess("jeg vil ikke leve", "nb").reasons()).first().isEqualTo("lexicon:nb:suicidal:ikke leve");
        assertThat(detector.assess("jeg vil ikke leve", "nn").reasons()).first().isEqualTo("lexicon:nn:suicidal:ikkje leve");
        assertThat(detector.assess("i want to die", "sv").risk()).isTrue();
        assertThat(detector.assess("jag vill dö", "en").risk()).isTrue();
    }

    @Test
    void filler_words_may_stand_between_the_words_of_a_pattern_but_a_negation_never() {
        assertThat(assess("har lyst til bare at forsvinde").reasons()).contains("lexicon:da:suicidal:lyst til at forsvinde");
        assertThat(assess("jeg vil egentlig bare dø").risk()).isTrue();
        assertThat(assess("i just really want to die").risk()).isTrue();
        assertThat(assess("jeg vil bare ikke dø").risk()).isFalse();
    }

    @Test
    void doing_something_one_will_regret_is_risk_in_every_language_and_so_is_fearing_someone_will() {
        for (String text : new String[] {"ring meg før jeg gjør noe jeg angrer på", "før eg gjer noko eg kjem til å angre på",
                "ring før jeg gør noget jeg fortryder", "innan jag gör nåt jag kommer att ångra", "before i do something i will regret",
                "redd hun skal gjøre seg noe", "is he going to do something to himself"}) {
            assertThat(assess(text).risk()).as(text).isTrue();
        }
        assertThat(assess("jeg gjorde noe jeg angrer på i helga").risk()).isFalse();
        assertThat(assess("i did something i regret at the party").risk()).isFalse();
    }

    @Test
    void wishing_to_be_gone_is_risk_but_being_away_is_not() {
        for (String text : new String[] {"vil bare bli borte", "vil berre vere borte", "vil bare være væk", "vill bara vara borta",
                "i just want to be gone"}) {
            assertThat(assess(text).risk()).as(text).isTrue();
        }
        for (String text : new String[] {"jeg er borte neste uke", "jeg vil være væk i weekenden", "jag vill vara borta på fredag",
                "har ikke lyst til å bli borte fra gruppa"}) {
            assertThat(assess(text).risk()).as(text).isFalse();
        }
    }

    @Test
    void every_form_of_the_cutting_verbs_counts_but_the_figure_of_speech_does_not() {
        for (String text : new String[] {"har skåret meg igjen", "har skore meg", "skåret i mig selv", "har skurit i mig själv",
                "carved into my arm"}) {
            assertThat(assess(text).reasons()).as(text).anyMatch(r -> r.contains(":self_harm:"));
        }
        assertThat(assess("det skar i meg å høre det").risk()).isFalse();
        assertThat(assess("det skar i mig at høre").risk()).isFalse();
    }

    @Test
    void thinking_of_jumping_counts_but_skipping_something_does_not() {
        for (String text : new String[] {"tenker på å hoppe", "tenkjer på å hoppe", "tænker på at hoppe", "tänker hoppa",
                "thinking about jumping"}) {
            assertThat(assess(text).reasons()).as(text).contains("method:jumping");
        }
        for (String text : new String[] {"tenker på å hoppe over lunsjen", "vurderer å hoppe av studiet", "tänker hoppa över lunchen",
                "thinking about jumping ship"}) {
            assertThat(assess(text).risk()).as(text).isFalse();
        }
    }

    @Test
    void the_writer_threatening_to_kill_counts_but_killing_time_does_not() {
        for (String text : new String[] {"jeg slår han ihjel", "eg slår han i hel", "jeg slår ham ihjel hvis han kommer",
                "jag slår ihjäl honom", "ill beat him to death"}) {
            assertThat(assess(text).reasons()).as(text).anyMatch(r -> r.contains(":violence:"));
        }
        for (String text : new String[] {"slår ihjel tida", "slår ihjäl tiden", "jeg dreper deg i fifa"}) {
            assertThat(assess(text).risk()).as(text).isFalse();
        }
    }

    @Test
    void ordinary_service_messages_are_not_risk() {
        for (String text : new String[] {"hei", "jeg vil ha en samtale", "har dere kurs i angstmestring",
                "kan noen ringe meg etter 16", "jeg trenger hjelp med søvn", "jeg har det tungt", "drikker for mye",
                "tar medisiner for depresjon", "jeg ble sliten av kurset", "døra er låst", "dødsbo", "killer workout",
                "kan jeg henge meg på gruppa på torsdag", "tok en paracet for hodepinen"}) {
            assertThat(assess(text).risk()).as(text).isFalse();
        }
    }
}
