package no.kontakt.nlu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.kontakt.flow.IntentClassifier;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Intents the way a citizen writes them: first the examples as exact phrases ({@link KeywordIntentClassifier}),
 * then an OpenNLP document categorizer trained at start-up from the same examples (bag of words and word
 * pairs, cutoff 1 — the default 5 would collapse a small set into one class). Below the confidence margin, or
 * when the best is {@code other}, there is no intent and the script's fallback runs.
 */
public final class OpenNlpIntentClassifier implements IntentClassifier {
    static final double MIN_CONFIDENCE = 0.45;
    static final double MIN_MARGIN = 0.15;

    private final KeywordIntentClassifier phrases;
    private final DoccatModel model;
    private final long trainingMillis;

    public OpenNlpIntentClassifier(IntentExamples examples) {
        this.phrases = new KeywordIntentClassifier(examples);
        long t0 = System.nanoTime();
        this.model = train(examples);
        this.trainingMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    public long trainingMillis() {
        return trainingMillis;
    }

    private static DoccatModel train(IntentExamples examples) {
        List<DocumentSample> samples = new ArrayList<>();
        examples.intents().forEach((intent, byLanguage) -> byLanguage.values().forEach(list -> list.forEach(example -> {
            String[] tokens = NluText.tokens(example);
            if (tokens.length > 0) {
                samples.add(new DocumentSample(intent, tokens));
            }
        })));
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.ITERATIONS_PARAM, 150);
        try {
            return DocumentCategorizerME.train("und", ObjectStreamUtils.createObjectStream(samples), params,
                    new DoccatFactory(new FeatureGenerator[] {new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Match> classify(String text, String language, Set<String> candidates) {
        Optional<Match> exact = phrases.classify(text, language, candidates);
        if (exact.isPresent()) {
            return exact;
        }
        String[] tokens = NluText.tokens(text);
        if (tokens.length == 0) {
            return Optional.empty();
        }
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        double[] outcomes = categorizer.categorize(tokens);
        String best = null;
        double bestP = 0;
        double secondP = 0;
        double total = 0;
        for (int i = 0; i < outcomes.length; i++) {
            String category = categorizer.getCategory(i);
            if (candidates != null && !candidates.isEmpty() && !candidates.contains(category) && !"other".equals(category)) {
                continue;
            }
            total += outcomes[i];
        }
        for (int i = 0; i < outcomes.length; i++) {
            String category = categorizer.getCategory(i);
            if (candidates != null && !candidates.isEmpty() && !candidates.contains(category) && !"other".equals(category)) {
                continue;
            }
            double p = total == 0 ? 0 : outcomes[i] / total;
            if (p > bestP) {
                secondP = bestP;
                bestP = p;
                best = category;
            } else if (p > secondP) {
                secondP = p;
            }
        }
        if (best == null || "other".equals(best) || bestP < MIN_CONFIDENCE || bestP - secondP < MIN_MARGIN) {
            return Optional.empty();
        }
        return Optional.of(new Match(best, bestP));
    }
}
