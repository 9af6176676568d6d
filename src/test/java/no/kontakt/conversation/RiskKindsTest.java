package no.kontakt.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The risk detector's reasons name the kind of safety answer: the lexicon's section names are the contract. */
class RiskKindsTest {

    @Test
    void the_lexicon_section_names_the_kind() {
        assertThat(RiskKinds.of(List.of("lexicon:nb:overdose:tatt alle pillene", "method:overdose"))).isEqualTo(new RiskKinds.Kind("overdose_taken", false));
        assertThat(RiskKinds.of(List.of("lexicon:da:violence:slå ihjel"))).isEqualTo(new RiskKinds.Kind("violence", false));
        assertThat(RiskKinds.of(List.of("lexicon:sv:domestic_violence:sambo slår mig"))).isEqualTo(new RiskKinds.Kind("domestic_violence", false));
        assertThat(RiskKinds.of(List.of("lexicon:en:self_harm:cut myself"))).isEqualTo(new RiskKinds.Kind("self_harm", false));
        assertThat(RiskKinds.of(List.of("lexicon:nn:suicidal:ikkje leve"))).isEqualTo(new RiskKinds.Kind("suicidal", false));
    }

    @Test
    void suicidal_is_the_default_for_the_classifier_an_emoji_or_a_method_word() {
        assertThat(RiskKinds.of(List.of("classifier p=0.93")).kind()).isEqualTo("suicidal");
        assertThat(RiskKinds.of(List.of("emoji:pill")).kind()).isEqualTo("suicidal");
        assertThat(RiskKinds.of(List.of("lexicon:nb:method:bro", "method:jumping")).kind()).isEqualTo("suicidal");
        assertThat(RiskKinds.of(List.of()).kind()).isEqualTo("suicidal");
    }

    @Test
    void the_most_urgent_kind_wins_and_discounted_or_negated_rules_count_for_nothing() {
        assertThat(RiskKinds.of(List.of("lexicon:nb:suicidal:vil dø", "lexicon:nb:overdose:tatt 40")).kind()).isEqualTo("overdose_taken");
        assertThat(RiskKinds.of(List.of("lexicon:nb:violence:slår", "lexicon:nb:domestic_violence:mannen min slår")).kind()).isEqualTo("domestic_violence");
        assertThat(RiskKinds.of(List.of("lexicon:nb:suicidal:vil dø", "discounted:lexicon:nb:overdose:overdose", "negated:lexicon:nb:violence:slå")).kind())
                .isEqualTo("suicidal");
    }

    @Test
    void third_person_means_the_writer_worries_about_someone_else() {
        assertThat(RiskKinds.of(List.of("lexicon:nb:suicidal:ta livet sitt", "third_person"))).isEqualTo(new RiskKinds.Kind("suicidal", true));
        assertThat(RiskKinds.of(List.of("lexicon:nb:overdose:våkner ikke", "third_person"))).isEqualTo(new RiskKinds.Kind("overdose_taken", true));
    }

    @Test
    void the_script_gets_about_other_as_its_own_exit_except_for_an_overdose_or_violence() {
        RiskKindAction action = new RiskKindAction();
        assertThat(action.run(Map.of("kind", "suicidal", "about_other", "yes"), null).exit()).isEqualTo("about_other");
        assertThat(action.run(Map.of("kind", "self_harm", "about_other", "yes"), null).exit()).isEqualTo("about_other");
        assertThat(action.run(Map.of("kind", "overdose_taken", "about_other", "yes"), null).exit()).isEqualTo("overdose_taken");
        assertThat(action.run(Map.of("kind", "domestic_violence", "about_other", "no"), null).exit()).isEqualTo("domestic_violence");
        assertThat(action.run(Map.of("kind", "something new"), null).exit()).isEqualTo("suicidal");
        assertThat(action.spec().exits()).containsExactlyInAnyOrder("overdose_taken", "domestic_violence", "violence", "self_harm", "suicidal", "about_other");
    }
}
