package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The unit's own language model, two ways: the hand-written character n-gram naive Bayes ({@link CharNgrams}) and
 * OpenNLP's {@code LanguageDetectorME} trained on the same texts. Each is measured alone and inside the detector, on
 * the labelled dev set's messages of three words or more; prints accuracy per language.
 */
class LanguageModelTest {
    private static final List<String> LANGUAGES = List.of("nb", "nn", "da", "sv", "en");
    private static Map<String, List<String>> texts;
    private static List<EvaluationTest.Row> dev;
    private static List<EvaluationTest.Row> holdout;

    @BeforeAll
    static void load() throws IOException {
        var examples = IntentExamples.read(Path.of("conversations/intents.yaml"));
        var library = no.kontakt.Kontakt.compiler(no.kontakt.testing.TestKontakt.config(no.kontakt.testing.TestKontakt.env(Path.of("target", "eval"))))
                .compile(Path.of("conversations")).library();
        texts = UnitTexts.of(library, examples);
        dev = threeWordsOrMore("dev-set.tsv");
        holdout = threeWordsOrMore("intent-holdout.tsv");
    }

    private static List<EvaluationTest.Row> threeWordsOrMore(String file) throws IOException {
        return EvaluationTest.rows(Path.of("src/test/resources/nlu", file)).stream()
                .filter(r -> !r.language().startsWith("#") && r.text().strip().split("\\s+").length >= 3).toList();
    }

    @Test
    void the_trained_opennlp_model_measures_at_least_as_well_as_the_hand_written_one() {
        LanguageModel ngrams = new CharNgrams(texts);
        LanguageModel opennlp = new OpenNlpLanguageModel(texts);
        StringBuilder out = new StringBuilder();
        double[] figures = new double[8];
        int i = 0;
        for (var set : List.of(Map.entry("dev-set.tsv", dev), Map.entry("intent-holdout.tsv", holdout))) {
            out.append("== Language on ").append(set.getValue().size()).append(" messages of 3+ words, ").append(set.getKey()).append(" ==\n");
            figures[i++] = measure("char n-grams alone", text -> best(ngrams.probabilities(text)), set.getValue(), out);
            figures[i++] = measure("OpenNLP trained alone", text -> best(opennlp.probabilities(text)), set.getValue(), out);
            figures[i++] = measure("detector with char n-grams", detector(ngrams), set.getValue(), out);
            figures[i++] = measure("detector with OpenNLP trained", detector(opennlp), set.getValue(), out);
        }
        System.out.println(out);
        assertThat(figures[3]).as("the detector with the OpenNLP model, dev set").isGreaterThanOrEqualTo(figures[2]);
    }

    @Test
    void a_trained_model_tells_the_unit_languages_apart() {
        LanguageModel opennlp = new OpenNlpLanguageModel(texts);
        assertThat(best(opennlp.probabilities("eg vil gjerne snakke med nokon i kveld"))).isEqualTo("nn");
        assertThat(best(opennlp.probabilities("jag vill prata med någon ikväll"))).isEqualTo("sv");
        assertThat(opennlp.probabilities("  !! 123 ")).isEmpty();
        assertThat(new OpenNlpLanguageModel(Map.of()).probabilities("hei")).isEmpty();
    }

    private static Function<String, String> detector(LanguageModel model) {
        LanguageDetector detector = new LanguageDetector(LANGUAGES, new no.kontakt.conversation.CountryCodeGuess(LANGUAGES, "nb")::byNumber, model);
        return text -> detector.detect(text, null, null).language();
    }

    private static double measure(String name, Function<String, String> guess, List<EvaluationTest.Row> rows, StringBuilder out) {
        Map<String, int[]> byLanguage = new TreeMap<>();
        int right = 0;
        for (EvaluationTest.Row r : rows) {
            boolean ok = r.language().equals(guess.apply(r.text()));
            right += ok ? 1 : 0;
            int[] c = byLanguage.computeIfAbsent(r.language(), k -> new int[2]);
            c[0] += ok ? 1 : 0;
            c[1]++;
        }
        double accuracy = (double) right / rows.size();
        out.append(String.format("%-30s %.3f (%d/%d)", name, accuracy, right, rows.size()));
        byLanguage.forEach((l, c) -> out.append(String.format("  %s %.3f (%d/%d)", l, (double) c[0] / c[1], c[0], c[1])));
        out.append('\n');
        return accuracy;
    }

    private static String best(Map<String, Double> probabilities) {
        return probabilities.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("und");
    }
}
