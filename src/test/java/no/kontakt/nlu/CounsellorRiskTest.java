package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kinds of risk the safety script answers by (reasons {@code lexicon:LANG:overdose:…}, {@code …:violence:…},
 * {@code …:domestic_violence:…}, {@code …:self_harm:…}, {@code …:suicidal:…}, {@code method:*}, and {@code third_person}),
 * and how negation and time are read. The messages here are not in any measured set.
 */
class CounsellorRiskTest {
    private static RiskDetector detector;

    @BeforeAll
    static void load() {
        detector = RiskDetector.load();
    }

    private static RiskAssessment assess(String language, String text) {
        return detector.assess(text, language);
    }

    private static boolean hasKind(RiskAssessment a, String kind) {
        return a.reasons().stream().anyMatch(r -> r.startsWith("lexicon:") && r.split(":")[2].equals(kind));
    }

    @Test
    void violence_from_a_partner_or_against_ones_children_is_domestic_violence_and_only_that() {
        for (String[] m : List.of(new String[] {"nb", "samboeren min slo meg i ansiktet i kveld"}, new String[] {"nn", "mannen min slo meg i går"},
                new String[] {"da", "min kæreste sparkede mig i nat"}, new String[] {"sv", "min man slog mig igår kväll"},
                new String[] {"en", "my wife hit me again tonight"}, new String[] {"nb", "jeg slo sønnen min i kveld"},
                new String[] {"en", "i hit my daughter and i am scared of myself"})) {
            RiskAssessment a = assess(m[0], m[1]);
            assertThat(a.risk()).as(m[1]).isTrue();
            assertThat(hasKind(a, "domestic_violence")).as(m[1] + " " + a.reasons()).isTrue();
            assertThat(hasKind(a, "violence")).as(m[1] + " " + a.reasons()).isFalse();
            assertThat(a.reasons()).as(m[1]).doesNotContain("third_person");
        }
        RiskAssessment stranger = assess("nb", "en fremmed truet meg med kniv på bussen");
        assertThat(hasKind(stranger, "violence")).as(stranger.reasons().toString()).isTrue();
        assertThat(hasKind(stranger, "domestic_violence")).isFalse();
        assertThat(assess("sv", "min flickvän slår mig alltid i fotboll").risk()).isFalse();
    }

    @Test
    void someone_else_who_will_not_wake_up_is_an_overdose_about_someone_else() {
        for (String[] m : List.of(new String[] {"nb", "samboeren min våkner ikke, han har drukket mye"},
                new String[] {"nn", "kjærasten min vaknar ikkje"}, new String[] {"da", "min søster vågner ikke"},
                new String[] {"sv", "min bror vaknar inte och har tagit något"}, new String[] {"en", "my mum wont wake up"})) {
            RiskAssessment a = assess(m[0], m[1]);
            assertThat(hasKind(a, "overdose")).as(m[1] + " " + a.reasons()).isTrue();
            assertThat(a.reasons()).as(m[1]).contains("third_person");
        }
        assertThat(assess("nb", "datteren min våkner ikke før ti i helgene").risk()).isFalse();
    }

    @Test
    void an_overdose_taken_is_overdose_and_a_plan_is_a_means() {
        RiskAssessment taken = assess("nb", "jeg har tatt 40 paracet");
        assertThat(hasKind(taken, "overdose")).as(taken.reasons().toString()).isTrue();
        for (String[] m : List.of(new String[] {"nb", "vurderer å ta hele pakka i natt"}, new String[] {"en", "thinking of taking the whole box tonight"},
                new String[] {"sv", "funderar på att ta alla tabletterna"})) {
            RiskAssessment a = assess(m[0], m[1]);
            assertThat(a.risk()).as(m[1]).isTrue();
            assertThat(hasKind(a, "overdose")).as(m[1] + " " + a.reasons()).isFalse();
            assertThat(a.reasons()).as(m[1]).contains("method:pills");
        }
    }

    @Test
    void a_denial_is_not_risk_but_not_being_able_to_keep_safe_is() {
        for (String[] m : List.of(new String[] {"nb", "jeg har ingen tanker om selvmord"}, new String[] {"nn", "eg har aldri tenkt på å ta livet mitt"},
                new String[] {"da", "ingen planer om at skade mig selv"}, new String[] {"sv", "jag är inte suicidal"},
                new String[] {"en", "im not thinking about killing myself"})) {
            RiskAssessment a = assess(m[0], m[1]);
            assertThat(a.risk()).as(m[1] + " " + a.reasons()).isFalse();
            assertThat(a.reasons()).as(m[1]).anyMatch(r -> r.startsWith("negated:"));
        }
        assertThat(assess("nb", "klarer ikke å holde meg trygg lenger").risk()).isTrue();
        assertThat(assess("nb", "vet ikke om jeg er her i morgen").risk()).isTrue();
        assertThat(assess("en", "no. i want to die").risk()).isTrue();
    }

    @Test
    void the_past_is_told_but_the_present_still_counts() {
        RiskAssessment past = assess("nb", "mamma tok sitt eget liv for tjue år siden");
        assertThat(past.risk()).as(past.reasons().toString()).isFalse();
        assertThat(past.reasons()).contains("topic:past");
        assertThat(assess("en", "i tried to end my life when i was 15").risk()).isFalse();
        assertThat(assess("nb", "prøvde å ta livet mitt for to år siden og nå vil jeg gjøre det igjen").risk()).isTrue();
        assertThat(assess("en", "took an overdose years ago, now i have taken 20 pills again").risk()).isTrue();
    }

    @Test
    void the_but_clause_carries_the_risk() {
        for (String[] m : List.of(new String[] {"nb", "jeg vil ikke dø, men jeg orker ikke mer"}, new String[] {"da", "jeg vil ikke dø men jeg kan ikke mere"},
                new String[] {"sv", "jag vill inte dö, men jag orkar inte mer"}, new String[] {"en", "i dont want to die but i cant go on"})) {
            assertThat(assess(m[0], m[1]).risk()).as(m[1]).isTrue();
        }
    }

    @Test
    void every_reason_is_a_known_rule_id() {
        var known = detector.knownReasons();
        for (String text : List.of("tenker på å ta alle pillene", "ingen selvmordstanker", "pappa tok livet sitt for ti år siden",
                "kjæresten min slår meg", "he's not waking up and took something")) {
            assertThat(known).as(text).containsAll(detector.assess(text, "nb").reasons());
        }
    }
}
