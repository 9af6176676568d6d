package no.kontakt.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kontakt.text.Fold;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.langdetect.LanguageSample;
import opennlp.tools.ml.naivebayes.NaiveBayesTrainer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * OpenNLP's language detector ({@link LanguageDetectorME}, naive Bayes over character n-grams of 1–4 letters),
 * trained at start-up on the unit's own texts in each language, as {@link CharNgrams} is.
 */
public final class OpenNlpLanguageModel implements LanguageModel {
    private final LanguageDetectorModel model;

    public OpenNlpLanguageModel(Map<String, List<String>> textsByLanguage) {
        this(textsByLanguage, parameters());
    }

    /**
     * The training settings: naive Bayes, every n-gram seen once counts (the unit's texts are few). On the dev set,
     * maximum entropy (cutoff 1 or 5, 100–400 iterations) and the perceptron measured lower.
     */
    static TrainingParameters parameters() {
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, NaiveBayesTrainer.NAIVE_BAYES_VALUE);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        return params;
    }

    OpenNlpLanguageModel(Map<String, List<String>> textsByLanguage, TrainingParameters params) {
        List<LanguageSample> samples = new ArrayList<>();
        textsByLanguage.forEach((language, texts) -> texts.stream().map(OpenNlpLanguageModel::folded).filter(t -> !t.isBlank())
                .forEach(t -> samples.add(new LanguageSample(new Language(language), t))));
        try {
            this.model = samples.isEmpty() ? null : LanguageDetectorME.train(ObjectStreamUtils.createObjectStream(samples), params, new LetterGrams());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, Double> probabilities(String text) {
        Map<String, Double> out = new LinkedHashMap<>();
        String t = folded(text);
        if (model == null || t.isBlank()) {
            return out;
        }
        for (Language l : new LanguageDetectorME(model).predictLanguages(t)) {
            out.put(l.getLang(), l.getConfidence());
        }
        return out;
    }

    private static String folded(String text) {
        return Fold.fold(text, Fold.LANGUAGE);
    }
}
