package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import no.kontakt.conversation.CountryCodeGuess;
import org.junit.jupiter.api.Test;

/**
 * Language, intent and risk on the labelled dev set, on the production path (the classifier trained from
 * conversations/intents.yaml). Prints per-language and per-intent precision and recall and the confusion
 * table, and fails below the floors: risk recall 0.98, risk false positives 0.05, intent accuracy 0.90,
 * language accuracy 0.90 on messages of three words or more.
 */
class EvaluationTest {
    record Row(String language, String intent, boolean risk, String text) {}

    /** A labelled set: a header line, then language, intent, risk and text, tab-separated. */
    static List<Row> rows(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", 4);
            if (f.length == 4) {
                rows.add(new Row(f[0], f[1], Boolean.parseBoolean(f[2]), f[3]));
            }
        }
        return rows;
    }

    @Test
    void language_intent_and_risk_meet_their_floors() throws IOException {
        List<String> languages = List.of("nb", "nn", "da", "sv", "en");
        var examples = IntentExamples.read(Path.of("conversations/intents.yaml"));
        var library = no.kontakt.Kontakt.compiler(no.kontakt.testing.TestKontakt.config(no.kontakt.testing.TestKontakt.env(Path.of("target", "eval"))))
                .compile(Path.of("conversations")).library();
        var detector = LanguageDetector.forUnit(languages, new CountryCodeGuess(languages, "nb")::byNumber, library, examples);
        var intents = new OpenNlpIntentClassifier(examples);
        var risk = RiskDetector.load();
        List<Row> rows = rows(Path.of("src/test/resources/nlu/dev-set.tsv"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(300);

        Map<String, int[]> languageByLang = new TreeMap<>();
        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        Set<String> intentNames = new TreeSet<>();
        int langRight = 0, langCounted = 0, intentRight = 0, riskTp = 0, riskFn = 0, riskFp = 0, riskTn = 0;
        List<String> missedRisk = new ArrayList<>();
        List<String> falseRisk = new ArrayList<>();
        List<String> wrongIntent = new ArrayList<>();
        for (Row r : rows) {
            String language = detector.detect(r.text(), null, null).language();
            if (r.text().strip().split("\\s+").length >= 3) {
                langCounted++;
                boolean right = language.equals(r.language());
                langRight += right ? 1 : 0;
                int[] c = languageByLang.computeIfAbsent(r.language(), k -> new int[2]);
                c[0] += right ? 1 : 0;
                c[1]++;
            }
            String intent = intents.classify(r.text(), language, Set.of()).map(m -> m.intent()).orElse("other");
            intentNames.add(r.intent());
            intentNames.add(intent);
            confusion.computeIfAbsent(r.intent(), k -> new TreeMap<>()).merge(intent, 1, Integer::sum);
            intentRight += intent.equals(r.intent()) ? 1 : 0;
            if (!intent.equals(r.intent())) {
                wrongIntent.add(String.format("%s %-8s -> %-8s %s", r.language(), r.intent(), intent, r.text()));
            }
            RiskAssessment assessment = risk.assess(r.text(), language);
            boolean flagged = assessment.risk();
            if (r.risk()) {
                if (flagged) {
                    riskTp++;
                } else {
                    riskFn++;
                    missedRisk.add(r.language() + ": " + r.text());
                }
            } else if (flagged) {
                riskFp++;
                falseRisk.add(r.language() + ": " + r.text() + "  " + assessment.reasons());
            } else {
                riskTn++;
            }
        }
        double languageAccuracy = (double) langRight / langCounted;
        double intentAccuracy = (double) intentRight / rows.size();
        double riskRecall = (double) riskTp / (riskTp + riskFn);
        double riskFpr = (double) riskFp / (riskFp + riskTn);

        StringBuilder out = new StringBuilder("\n== NLU evaluation on " + rows.size() + " labelled messages ==\n");
        out.append(String.format("language accuracy (3+ words): %.3f (%d/%d)%n", languageAccuracy, langRight, langCounted));
        languageByLang.forEach((l, c) -> out.append(String.format("  %s: %.3f (%d/%d)%n", l, (double) c[0] / c[1], c[0], c[1])));
        out.append(String.format("intent accuracy: %.3f (%d/%d)%n", intentAccuracy, intentRight, rows.size()));
        out.append(String.format("  %-9s %9s %9s%n", "intent", "precision", "recall"));
        for (String i : intentNames) {
            int tp = confusion.getOrDefault(i, Map.of()).getOrDefault(i, 0);
            int actual = confusion.getOrDefault(i, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            int predicted = confusion.values().stream().mapToInt(m -> m.getOrDefault(i, 0)).sum();
            out.append(String.format("  %-9s %9.3f %9.3f%n", i, predicted == 0 ? 0 : (double) tp / predicted, actual == 0 ? 0 : (double) tp / actual));
        }
        out.append("confusion (rows: labelled, columns: predicted)\n           ");
        intentNames.forEach(i -> out.append(String.format("%9s", i)));
        out.append('\n');
        for (String a : intentNames) {
            out.append(String.format("  %-9s", a));
            intentNames.forEach(p -> out.append(String.format("%9d", confusion.getOrDefault(a, Map.of()).getOrDefault(p, 0))));
            out.append('\n');
        }
        wrongIntent.forEach(w -> out.append("  misclassified: ").append(w).append('\n'));
        out.append(String.format("risk recall: %.3f (%d/%d), false-positive rate: %.3f (%d/%d)%n", riskRecall, riskTp, riskTp + riskFn,
                riskFpr, riskFp, riskFp + riskTn));
        missedRisk.forEach(m -> out.append("  missed risk: ").append(m).append('\n'));
        falseRisk.forEach(m -> out.append("  flagged, not risk: ").append(m).append('\n'));
        System.out.println(out);

        assertThat(riskRecall).as("risk recall").isGreaterThanOrEqualTo(0.98);
        assertThat(riskFpr).as("risk false-positive rate").isLessThanOrEqualTo(0.05);
        assertThat(languageAccuracy).as("language accuracy on 3+ words").isGreaterThanOrEqualTo(0.90);
        assertThat(intentAccuracy).as("intent accuracy").isGreaterThanOrEqualTo(0.90);
    }
}
