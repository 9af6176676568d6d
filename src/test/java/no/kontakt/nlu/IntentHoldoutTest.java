package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * Intent accuracy on {@code nlu/intent-holdout.tsv}, messages written apart from the dev set and never used to
 * tune the examples or the classifier, on the production path (language detected first, then the classifier
 * trained from conversations/intents.yaml). Prints per-intent precision and recall, the confusion table, the
 * misclassified messages, the training time and the mean time of one classification, and holds the dev set's
 * floor of 0.90. Before the examples were tuned for the dev set it was 0.851 (126/148); keep it out of tuning so it stays a fair check.
 */
class IntentHoldoutTest {
    private static final Path HOLDOUT = Path.of("src/test/resources/nlu/intent-holdout.tsv");

    @Test
    void intent_accuracy_on_the_holdout() throws IOException {
        List<String> languages = List.of("nb", "nn", "da", "sv", "en");
        var examples = IntentExamples.read(Path.of("conversations/intents.yaml"));
        var library = no.kontakt.Kontakt.compiler(no.kontakt.testing.TestKontakt.config(no.kontakt.testing.TestKontakt.env(Path.of("target", "eval-holdout"))))
                .compile(Path.of("conversations")).library();
        var detector = LanguageDetector.forUnit(languages, new CountryCodeGuess(languages, "nb")::byNumber, library, examples);
        var intents = new OpenNlpIntentClassifier(examples);
        List<EvaluationTest.Row> rows = EvaluationTest.rows(HOLDOUT);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(120);
        assertThat(rows).extracting(EvaluationTest.Row::language).containsAll(languages);

        Map<String, Map<String, Integer>> confusion = new TreeMap<>();
        Map<String, int[]> byLanguage = new TreeMap<>();
        Set<String> intentNames = new TreeSet<>();
        List<String> wrong = new ArrayList<>();
        List<String> detected = new ArrayList<>();
        int right = 0;
        for (EvaluationTest.Row r : rows) {
            String language = detector.detect(r.text(), null, null).language();
            detected.add(language);
            String intent = intents.classify(r.text(), language, Set.of()).map(m -> m.intent()).orElse("other");
            intentNames.add(r.intent());
            intentNames.add(intent);
            confusion.computeIfAbsent(r.intent(), k -> new TreeMap<>()).merge(intent, 1, Integer::sum);
            boolean ok = intent.equals(r.intent());
            right += ok ? 1 : 0;
            int[] c = byLanguage.computeIfAbsent(r.language(), k -> new int[2]);
            c[0] += ok ? 1 : 0;
            c[1]++;
            if (!ok) {
                wrong.add(String.format("%s %-8s -> %-8s %s", r.language(), r.intent(), intent, r.text()));
            }
        }
        double accuracy = (double) right / rows.size();

        // Time one classification (the classifier alone, as the engine calls it), after a warm-up.
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < rows.size(); i++) {
                intents.classify(rows.get(i).text(), detected.get(i), Set.of());
            }
        }
        int timed = 0;
        long t0 = System.nanoTime();
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < rows.size(); i++) {
                intents.classify(rows.get(i).text(), detected.get(i), Set.of());
                timed++;
            }
        }
        double microsPerMessage = (System.nanoTime() - t0) / 1000.0 / timed;

        StringBuilder out = new StringBuilder("\n== Intent holdout: " + rows.size() + " messages (" + HOLDOUT + ") ==\n");
        out.append(String.format("intent accuracy: %.3f (%d/%d)%n", accuracy, right, rows.size()));
        byLanguage.forEach((l, c) -> out.append(String.format("  %s: %.3f (%d/%d)%n", l, (double) c[0] / c[1], c[0], c[1])));
        out.append(String.format("  %-9s %9s %9s%n", "intent", "precision", "recall"));
        for (String i : intentNames) {
            int tp = confusion.getOrDefault(i, Map.of()).getOrDefault(i, 0);
            int actual = confusion.getOrDefault(i, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
            int predicted = confusion.values().stream().mapToInt(m -> m.getOrDefault(i, 0)).sum();
            out.append(String.format("  %-9s %9.3f %9.3f  (%d labelled)%n", i, predicted == 0 ? 0 : (double) tp / predicted,
                    actual == 0 ? 0 : (double) tp / actual, actual));
        }
        out.append("confusion (rows: labelled, columns: predicted)\n           ");
        intentNames.forEach(i -> out.append(String.format("%9s", i)));
        out.append('\n');
        for (String a : intentNames) {
            out.append(String.format("  %-9s", a));
            intentNames.forEach(p -> out.append(String.format("%9d", confusion.getOrDefault(a, Map.of()).getOrDefault(p, 0))));
            out.append('\n');
        }
        out.append(String.format((intents.trained() ? "training" : "loading the model built with the jar") + " at start-up: %d ms; one classification: %.1f µs (mean of %d)%n", intents.trainingMillis(),
                microsPerMessage, timed));
        out.append("misclassified:\n");
        wrong.forEach(w -> out.append("  ").append(w).append('\n'));
        System.out.println(out);

        assertThat(accuracy).as("intent accuracy on the holdout").isGreaterThanOrEqualTo(0.90);
    }

    /** Copied into the examples, a holdout message would be matched exactly and measure nothing. */
    @Test
    void no_holdout_message_is_an_intent_example() throws IOException {
        var examples = IntentExamples.read(Path.of("conversations/intents.yaml"));
        Set<String> known = new java.util.HashSet<>();
        examples.intents().values().forEach(byLanguage -> byLanguage.values().forEach(list -> list.forEach(
                example -> known.add(no.kontakt.flow.Matching.normalize(example)))));
        assertThat(EvaluationTest.rows(HOLDOUT)).as("holdout messages written as examples in intents.yaml")
                .filteredOn(r -> known.contains(no.kontakt.flow.Matching.normalize(r.text())))
                .isEmpty();
    }
}
