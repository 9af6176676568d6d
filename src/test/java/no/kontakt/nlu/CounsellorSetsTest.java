package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.kontakt.conversation.CountryCodeGuess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Risk and intent on the sets written for counsellor-like reading (veiled plans, "I don't want to die, but ...",
 * violence at home, someone who will not wake up, denials, suicides long past, activity times, negated contact,
 * the evening team calling now), per language, on the production path (language detected first).
 * The dev sets ({@code risk-dev-2.tsv}, {@code intent-dev-2.tsv}) print every miss and hold their floors.
 * The holdouts ({@code risk-holdout-4.tsv}, {@code intent-holdout-2.tsv}) were written and measured before any tuning;
 * they print only the figures, never the messages missed, so they stay out of tuning. Before tuning: risk recall 0.424
 * (28/66), false-positive rate 0.483 (29/60), intent accuracy 0.712 (89/125); after: 0.667, 0.050, 0.872. Their floors
 * are what was reached minus a margin.
 */
class CounsellorSetsTest {
    static final List<String> LANGUAGES = List.of("nb", "nn", "da", "sv", "en");
    static final Path DIR = Path.of("src/test/resources/nlu");

    /**
     * The holdouts' floors: what was reached after tuning, less a margin (about one message a language), so they cannot
     * slide back unnoticed. Reached: risk recall nb 0.357, nn 0.615, da 0.846, sv 0.692, en 0.846; false-positive rate at
     * most 0.167; intent accuracy 0.800 to 0.960.
     */
    static final java.util.Map<String, Double> HOLDOUT_RECALL = java.util.Map.of("nb", 0.28, "nn", 0.53, "da", 0.76, "sv", 0.61, "en", 0.76);

    private static LanguageDetector languages;
    private static OpenNlpIntentClassifier intents;
    private static RiskDetector risk;

    @BeforeAll
    static void load() {
        var examples = IntentExamples.read(Path.of("conversations/intents.yaml"));
        var library = no.kontakt.Kontakt.compiler(no.kontakt.testing.TestKontakt.config(
                no.kontakt.testing.TestKontakt.env(Path.of("target", "eval-counsellor")))).compile(Path.of("conversations")).library();
        languages = LanguageDetector.forUnit(LANGUAGES, new CountryCodeGuess(LANGUAGES, "nb")::byNumber, library, examples);
        intents = new OpenNlpIntentClassifier(examples);
        risk = RiskDetector.load();
    }

    /** Per language: risk caught, risk missed, non-risk flagged, non-risk passed. */
    static Map<String, int[]> riskCounts(List<EvaluationTest.Row> rows, List<String> notes) {
        Map<String, int[]> counts = new TreeMap<>();
        for (EvaluationTest.Row r : rows) {
            String language = languages.detect(r.text(), null, null).language();
            RiskAssessment a = risk.assess(r.text(), language);
            counts.computeIfAbsent(r.language(), k -> new int[4])[(r.risk() ? 0 : 2) + (a.risk() ? 0 : 1)]++;
            if (a.risk() != r.risk()) {
                notes.add((r.risk() ? "missed risk  " : "false alarm  ") + r.language() + "  " + r.text() + "  " + a.reasons());
            }
        }
        return counts;
    }

    /** Per language: right, all. */
    static Map<String, int[]> intentCounts(List<EvaluationTest.Row> rows, List<String> notes) {
        Map<String, int[]> counts = new TreeMap<>();
        for (EvaluationTest.Row r : rows) {
            String language = languages.detect(r.text(), null, null).language();
            String intent = intents.classify(r.text(), language, Set.of()).map(m -> m.intent()).orElse("other");
            boolean ok = intent.equals(r.intent());
            int[] c = counts.computeIfAbsent(r.language(), k -> new int[2]);
            c[0] += ok ? 1 : 0;
            c[1]++;
            if (!ok) {
                notes.add(String.format("%s %-8s -> %-8s %s", r.language(), r.intent(), intent, r.text()));
            }
        }
        return counts;
    }

    static double recall(int[] n) {
        return n[0] + n[1] == 0 ? 1.0 : (double) n[0] / (n[0] + n[1]);
    }

    static double fpr(int[] n) {
        return n[2] + n[3] == 0 ? 0.0 : (double) n[2] / (n[2] + n[3]);
    }

    static double accuracy(int[] n) {
        return n[1] == 0 ? 1.0 : (double) n[0] / n[1];
    }

    private static String table(String title, Map<String, int[]> risks, Map<String, int[]> intentsByLanguage, List<String> notes) {
        StringBuilder out = new StringBuilder("\n== " + title + " ==\nlanguage  risk recall        false-positive rate  intent accuracy\n");
        int[] rt = new int[4];
        int[] it = new int[2];
        for (String l : LANGUAGES) {
            int[] r = risks.getOrDefault(l, new int[4]);
            int[] i = intentsByLanguage.getOrDefault(l, new int[2]);
            for (int k = 0; k < 4; k++) {
                rt[k] += r[k];
            }
            it[0] += i[0];
            it[1] += i[1];
            out.append(line(l, r, i));
        }
        out.append(line("all", rt, it));
        notes.forEach(n -> out.append("  ").append(n).append('\n'));
        return out.toString();
    }

    private static String line(String l, int[] r, int[] i) {
        return String.format("%-8s  %.3f (%3d/%3d)  %.3f (%3d/%3d)      %.3f (%3d/%3d)%n", l, recall(r), r[0], r[0] + r[1],
                fpr(r), r[2], r[2] + r[3], accuracy(i), i[0], i[1]);
    }

    @Test
    void dev_sets_meet_the_floors_in_every_language() throws IOException {
        List<EvaluationTest.Row> riskRows = EvaluationTest.rows(DIR.resolve("risk-dev-2.tsv"));
        List<EvaluationTest.Row> intentRows = EvaluationTest.rows(DIR.resolve("intent-dev-2.tsv"));
        List<String> notes = new ArrayList<>();
        Map<String, int[]> r = riskCounts(riskRows, notes);
        Map<String, int[]> i = intentCounts(intentRows, notes);
        System.out.println(table("Counsellor dev sets (risk-dev-2.tsv, intent-dev-2.tsv)", r, i, notes));
        for (String l : LANGUAGES) {
            int[] rc = r.get(l);
            int[] ic = i.get(l);
            assertThat(rc[0] + rc[1] + rc[2] + rc[3]).as(l + " risk lines").isGreaterThanOrEqualTo(60);
            assertThat(ic[1]).as(l + " intent lines").isGreaterThanOrEqualTo(40);
            assertThat(recall(rc)).as(l + " risk recall").isGreaterThanOrEqualTo(0.98);
            assertThat(fpr(rc)).as(l + " risk false-positive rate").isLessThanOrEqualTo(0.05);
            assertThat(accuracy(ic)).as(l + " intent accuracy").isGreaterThanOrEqualTo(0.90);
        }
    }

    /** Figures only: the messages missed are not printed, so nobody tunes against them. */
    @Test
    void holdouts_keep_what_they_reached() throws IOException {
        List<EvaluationTest.Row> riskRows = EvaluationTest.rows(DIR.resolve("risk-holdout-4.tsv"));
        List<EvaluationTest.Row> intentRows = EvaluationTest.rows(DIR.resolve("intent-holdout-2.tsv"));
        Map<String, int[]> r = riskCounts(riskRows, new ArrayList<>());
        Map<String, int[]> i = intentCounts(intentRows, new ArrayList<>());
        System.out.println(table("Counsellor holdouts (risk-holdout-4.tsv, intent-holdout-2.tsv): figures only", r, i, List.of()));
        for (String l : LANGUAGES) {
            assertThat(r.get(l)[0] + r.get(l)[1] + r.get(l)[2] + r.get(l)[3]).as(l + " risk lines").isGreaterThanOrEqualTo(25);
            assertThat(i.get(l)[1]).as(l + " intent lines").isGreaterThanOrEqualTo(25);
            assertThat(recall(r.get(l))).as(l + " holdout risk recall").isGreaterThanOrEqualTo(HOLDOUT_RECALL.get(l));
            assertThat(fpr(r.get(l))).as(l + " holdout risk false-positive rate").isLessThanOrEqualTo(0.25);
            assertThat(accuracy(i.get(l))).as(l + " holdout intent accuracy").isGreaterThanOrEqualTo(0.75);
        }
    }
}
