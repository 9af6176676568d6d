package no.kontakt.nlu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.kontakt.conversation.LanguageGuess;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorFactory;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.maxent.GISModel;
import opennlp.tools.ml.model.MaxentModel;

/**
 * The language of a message: OpenNLP's language-detection model (from the classpath), restricted to the
 * unit's languages, combined with the frequent function words of each language — what works on short texts,
 * where the model alone is weak — and the sender's country code and the conversation's language as priors.
 * Unsure is {@code und}, never a guess.
 */
public final class LanguageDetector implements LanguageGuess {
    public static final String UNDETERMINED = "und";
    private static final Map<String, String> ISO3 = Map.of("nob", "nb", "nno", "nn", "dan", "da", "swe", "sv", "eng", "en", "nor", "nb");
    private static final double MARGIN = 0.03;
    /** One or two words ("hei", "takk") seldom tell nb from nn or da: only a clear lead counts. */
    private static final double SHORT_MARGIN = 0.25;

    /** The model, loaded when first needed (or by {@link #preload()} on another thread during start-up). */
    private static final class Model {
        static final LanguageDetectorModel MODEL = load();
    }

    /** The key of the cut-down model: the languages it keeps, from the model it was cut from. */
    static final String PRUNED_KEY = TrainedModels.key(List.of("langdetect-183.bin", String.join(",", new java.util.TreeSet<>(ISO3.keySet()))));

    private final List<String> languages;
    private final FunctionWordGuess words;
    private final LanguageModel domain;
    private final FunctionWordGuess.CountryPrior prior;

    /** A decision and the evidence behind it: the combined score of each language. */
    public record Detection(String language, Map<String, Double> scores) {}

    public LanguageDetector(List<String> languages, FunctionWordGuess.CountryPrior prior) {
        this(languages, prior, new CharNgrams(Map.of()));
    }

    /** The detector of a unit: its languages, the country prior, and a character model of its own texts. */
    public static LanguageDetector forUnit(List<String> languages, FunctionWordGuess.CountryPrior prior,
                                           no.kontakt.flow.Library library, IntentExamples examples) {
        return new LanguageDetector(languages, prior, new CharNgrams(UnitTexts.of(library, examples)));
    }

    /** @param domain a character model trained on the unit's own texts in each language */
    public LanguageDetector(List<String> languages, FunctionWordGuess.CountryPrior prior, LanguageModel domain) {
        this.languages = List.copyOf(languages);
        this.prior = prior;
        this.words = new FunctionWordGuess(languages, prior);
        this.domain = domain;
    }

    /** Loads the language model, once: start-up calls it on a second thread, and a first message waits for it. */
    public static void preload() {
        Objects.requireNonNull(Model.MODEL);
    }

    /**
     * OpenNLP's model of 103 languages cut down to the five Kontakt knows when the jar was built (a twentieth of its
     * size: it loads in a fraction of the time and gives the same scores, since only these languages' scores are
     * used and each is divided by their sum), else the whole model.
     */
    static LanguageDetectorModel load() {
        return TrainedModels.find(TrainedModels.LANGUAGE, PRUNED_KEY)
                .map(m -> new LanguageDetectorModel(m, new HashMap<>(), new LanguageDetectorFactory()))
                .orElseGet(LanguageDetector::fullModel);
    }

    /** The model of the unit's possible languages only (see {@link #load()}). */
    static GISModel pruned(MaxentModel full) {
        return TrainedModels.keepOutcomes(full, ISO3.keySet());
    }

    static LanguageDetectorModel fullModel() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("langdetect-183.bin is missing: the opennlp-models-langdetect jar must be on the classpath");
            }
            return new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A conversation keeps its language; a new one gets the detected language, or the country's when unsure. */
    @Override
    public String guess(String text, String from, String current) {
        if (current != null) {
            return current;
        }
        String detected = detect(text, from, null).language();
        return UNDETERMINED.equals(detected) ? prior.languageOf(from) : detected;
    }

    public Detection detect(String text, String from, String current) {
        String t = text == null ? "" : text.strip();
        int wordCount = t.isEmpty() ? 0 : t.split("\\s+").length;
        Map<String, Double> model = modelScores(t);
        Map<String, Double> function = normalized(words.scores(t));
        Map<String, Double> local = domain.probabilities(t);
        Map<String, Double> combined = new LinkedHashMap<>();
        String countryLanguage = from == null ? null : prior.languageOf(from);
        for (String l : languages) {
            double fw = function.getOrDefault(l, 0.0);
            double m = model.getOrDefault(l, 0.0);
            double d = local.getOrDefault(l, 0.0);
            double score = local.isEmpty() ? (wordCount >= 3 ? 0.5 * m + 0.5 * fw : 0.2 * m + 0.8 * fw)
                    : (wordCount >= 3 ? 0.25 * m + 0.25 * fw + 0.5 * d : 0.1 * m + 0.5 * fw + 0.4 * d);
            if (l.equals(countryLanguage)) {
                score += 0.05;
            }
            if (l.equals(current)) {
                score += 0.10;
            }
            combined.put(l, score);
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(combined.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        boolean evidence = function.values().stream().anyMatch(v -> v > 0) || wordCount >= 3;
        double margin = wordCount >= 3 ? MARGIN : SHORT_MARGIN;
        if (!evidence || ranked.isEmpty() || ranked.size() > 1 && ranked.get(0).getValue() - ranked.get(1).getValue() < margin) {
            return new Detection(UNDETERMINED, combined);
        }
        return new Detection(ranked.get(0).getKey(), combined);
    }

    private Map<String, Double> modelScores(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return out;
        }
        double total = 0;
        for (Language l : new LanguageDetectorME(Model.MODEL).predictLanguages(text)) {
            String code = ISO3.get(l.getLang());
            if (code != null && languages.contains(code)) {
                out.merge(code, l.getConfidence(), Double::sum);
                total += l.getConfidence();
            }
        }
        if (total > 0) {
            double sum = total;
            out.replaceAll((k, v) -> v / sum);
        }
        return out;
    }

    private static Map<String, Double> normalized(Map<String, Double> scores) {
        double total = scores.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        scores.forEach((k, v) -> out.put(k, total == 0 ? 0 : v / total));
        return out;
    }
}
