package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models built with the jar (Maven's process-classes step, before the tests) are the models start-up would
 * train: loaded, they score every text of the dev sets exactly as models trained now; examples that differ are
 * trained, not loaded.
 */
class TrainedModelsTest {
    private static final Path INTENTS = Path.of("conversations/intents.yaml");
    private static final Set<String> KEPT = Set.of("nob", "nno", "dan", "swe", "eng");
    private static List<String> texts;

    @BeforeAll
    static void read() throws IOException {
        texts = new ArrayList<>();
        for (String file : List.of("dev-set.tsv", "intent-dev-2.tsv", "risk-dev-2.tsv")) {
            Files.readAllLines(Path.of("src/test/resources/nlu", file)).stream().skip(1).filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.substring(line.lastIndexOf('\t') + 1))
                    .forEach(texts::add);
        }
        assertThat(texts).hasSizeGreaterThan(300);
    }

    @Test
    void the_built_intent_model_is_loaded_and_scores_as_one_trained_now() {
        IntentExamples examples = IntentExamples.read(INTENTS);
        OpenNlpIntentClassifier built = new OpenNlpIntentClassifier(examples);
        OpenNlpIntentClassifier trained = OpenNlpIntentClassifier.train(examples);
        assertThat(built.trained()).as("the jar's model is used (run mvn process-classes first)").isFalse();
        assertThat(trained.trained()).isTrue();
        for (String text : texts) {
            assertThat(built.scores(text)).as(text).isEqualTo(trained.scores(text));
            assertThat(built.classify(text, "nb", Set.of())).as(text).isEqualTo(trained.classify(text, "nb", Set.of()));
        }
    }

    @Test
    void changed_examples_are_trained_at_start_up() {
        IntentExamples examples = IntentExamples.read(INTENTS);
        Map<String, Map<String, List<String>>> changed = new HashMap<>(examples.intents());
        Map<String, List<String>> contact = new HashMap<>(changed.get("contact"));
        List<String> nb = new ArrayList<>(contact.get("nb"));
        nb.add("kan en veileder ta kontakt med meg snart");
        contact.put("nb", nb);
        changed.put("contact", contact);
        OpenNlpIntentClassifier classifier = new OpenNlpIntentClassifier(new IntentExamples(changed));
        assertThat(classifier.trained()).isTrue();
        assertThat(classifier.key()).isNotEqualTo(new OpenNlpIntentClassifier(examples).key());
        assertThat(classifier.classify("kan en veileder ta kontakt med meg snart", "nb", Set.of())).map(m -> m.intent()).contains("contact");
    }

    @Test
    void the_built_risk_model_scores_as_one_trained_now() {
        List<OpenNlpRiskClassifier.Example> examples = OpenNlpRiskClassifier.read();
        OpenNlpRiskClassifier built = new OpenNlpRiskClassifier(examples);
        OpenNlpRiskClassifier trained = OpenNlpRiskClassifier.train(examples);
        assertThat(TrainedModels.find(TrainedModels.RISK, built.key())).isPresent();
        for (String text : texts) {
            assertThat(built.probability(text)).as(text).isEqualTo(trained.probability(text));
        }
        List<OpenNlpRiskClassifier.Example> more = new ArrayList<>(examples);
        more.add(new OpenNlpRiskClassifier.Example("nb", false, "jeg liker å gå tur i skogen"));
        assertThat(TrainedModels.find(TrainedModels.RISK, OpenNlpRiskClassifier.train(more).key())).isEmpty();
    }

    @Test
    void the_cut_down_language_model_gives_the_five_languages_the_scores_of_the_whole_model() {
        LanguageDetectorME whole = new LanguageDetectorME(LanguageDetector.fullModel());
        LanguageDetectorModel loaded = LanguageDetector.load();
        assertThat(loaded.getMaxentModel().getNumOutcomes()).as("the cut-down model is the one loaded").isEqualTo(KEPT.size());
        LanguageDetectorME cut = new LanguageDetectorME(loaded);
        for (String text : texts) {
            Map<String, Double> a = kept(whole.predictLanguages(text));
            Map<String, Double> b = kept(cut.predictLanguages(text));
            assertThat(b.keySet()).as(text).isEqualTo(a.keySet());
            a.forEach((language, p) -> assertThat(b.get(language)).as(text + " " + language).isCloseTo(p, org.assertj.core.data.Offset.offset(1e-9)));
        }
    }

    /** The five languages' probabilities, each divided by their sum (as {@link LanguageDetector} uses them). */
    private static Map<String, Double> kept(Language[] languages) {
        Map<String, Double> out = new TreeMap<>();
        double total = 0;
        for (Language l : languages) {
            if (KEPT.contains(l.getLang())) {
                out.put(l.getLang(), l.getConfidence());
                total += l.getConfidence();
            }
        }
        double sum = total;
        out.replaceAll((k, v) -> v / sum);
        return out;
    }
}
