package no.kontakt.nlu;

import opennlp.tools.langdetect.DefaultLanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorFactory;

/**
 * The features of {@link OpenNlpLanguageModel}: character n-grams of 1–4 letters of text already folded (OpenNLP's
 * default stops at 3). Public and top-level because OpenNLP instantiates a model's factory by its class name.
 */
public final class LetterGrams extends LanguageDetectorFactory {
    private static final int MAX_N = 4;

    @Override
    public LanguageDetectorContextGenerator getContextGenerator() {
        return new DefaultLanguageDetectorContextGenerator(1, MAX_N);
    }
}
