package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RiskDetectorTest {
    private static RiskDetector detector;
    private static List<LabelledMessage> cases;

    record LabelledMessage(String language, boolean risk, String text) {}

    @BeforeAll
    static void load() throws IOException {
        detector = RiskDetector.load();
        cases = readCases();
    }

    @Test
    void labelled_set_is_large_and_balanced_enough() {
        assertThat(cases).hasSizeGreaterThanOrEqualTo(250);
        for (String language : RiskDetector.LANGUAGES) {
            assertThat(cases.stream().filter(c -> c.language().equals(language) && c.risk()).count())
                    .as("risk messages in %s", language).isGreaterThanOrEqualTo(35);
            assertThat(cases.stream().filter(c -> c.language().equals(language) && !c.risk()).count())
                    .as("non-risk messages in %s", language).isGreaterThanOrEqualTo(15);
        }
    }

    @Test
    void labelled_set_meets_the_recall_and_false_positive_floors() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (LabelledMessage c : cases) {
            RiskAssessment assessment = detector.assess(c.text(), c.language());
            int[] n = counts.computeIfAbsent(c.language(), k -> new int[4]);
            int cell = (c.risk() ? 0 : 2) + (assessment.risk() ? 0 : 1);
            n[cell]++;
            if (assessment.risk() != c.risk()) {
                wrong.add((c.risk() ? "missed   " : "false +  ") + c.language() + "  " + c.text() + "  " + assessment.reasons());
            }
        }
        int[] total = new int[4];
        StringBuilder table = new StringBuilder("\nlanguage  risk  caught  recall  |  non-risk  flagged  false-positive rate\n");
        counts.forEach((language, n) -> {
            row(table, language, n);
            for (int i = 0; i < 4; i++) {
                total[i] += n[i];
            }
        });
        row(table, "all", total);
        wrong.forEach(w -> table.append(w).append('\n'));
        System.out.println(table);

        assertThat(recall(total)).as("overall risk recall").isGreaterThanOrEqualTo(0.98);
        assertThat(falsePositiveRate(total)).as("overall false-positive rate").isLessThanOrEqualTo(0.05);
    }

    @Test
    void reasons_of_every_labelled_message_are_rule_ids() {
        var known = detector.knownReasons();
        for (LabelledMessage c : cases) {
            assertThat(detector.assess(c.text(), c.language()).reasons()).as(c.text()).isSubsetOf(known);
        }
    }

    /** How fast assessing is belongs to the benchmark; here, what it finds in a long, rambling SMS and that it keeps no state. */
    @Test
    void a_long_rambling_sms_is_flagged_with_its_method_and_assessed_the_same_every_time() {
        String sms = "hei jeg har hatt det så tungt lenge og nå orker jeg ikke mer, har tatt noen piller og sitter på "
                + "brua, vet ikke hva jeg skal gjøre, kan noen ringe meg snart?? takk";
        RiskAssessment first = detector.assess(sms, "nb");
        assertThat(first.risk()).isTrue();
        assertThat(first.reasons()).anyMatch(r -> r.startsWith("lexicon:nb:")).anyMatch(r -> r.startsWith("method:"))
                .isSubsetOf(detector.knownReasons());
        for (int i = 0; i < 100; i++) {
            detector.assess(i % 2 == 0 ? "takk for praten" : sms, "nb");
        }
        assertThat(detector.assess(sms, "nb")).isEqualTo(first);
    }

    private static void row(StringBuilder table, String language, int[] n) {
        table.append(String.format("%-8s  %4d  %6d  %6.3f  |  %8d  %7d  %6.3f%n",
                language, n[0] + n[1], n[0], recall(n), n[2] + n[3], n[2], falsePositiveRate(n)));
    }

    private static double recall(int[] n) {
        return n[0] + n[1] == 0 ? 1.0 : (double) n[0] / (n[0] + n[1]);
    }

    private static double falsePositiveRate(int[] n) {
        return n[2] + n[3] == 0 ? 0.0 : (double) n[2] / (n[2] + n[3]);
    }

    private static List<LabelledMessage> readCases() throws IOException {
        List<LabelledMessage> cases = new ArrayList<>();
        try (InputStream in = RiskDetectorTest.class.getResourceAsStream("/nlu/risk-cases.tsv")) {
            assertThat(in).as("nlu/risk-cases.tsv on the test classpath").isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] columns = lines[i].split("\t", 3);
                assertThat(columns).as("risk-cases.tsv line %d", i + 1).hasSize(3);
                assertThat(columns[1]).as("risk-cases.tsv line %d", i + 1).isIn("true", "false");
                cases.add(new LabelledMessage(columns[0], Boolean.parseBoolean(columns[1]), columns[2]));
            }
        }
        return cases;
    }
}
