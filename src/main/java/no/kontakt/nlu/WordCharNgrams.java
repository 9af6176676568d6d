package no.kontakt.nlu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/** Character n-grams of each word, with word boundaries marked, so misspelled words share features. */
public final class WordCharNgrams implements FeatureGenerator {
    private final int min;
    private final int max;

    public WordCharNgrams() {
        this(Integer.getInteger("k.cmin", 3), Integer.getInteger("k.cmax", 4));
    }

    WordCharNgrams(int min, int max) {
        this.min = min;
        this.max = max;
    }

    @Override
    public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInformation) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            String padded = "<" + w + ">";
            for (int n = min; n <= max; n++) {
                for (int i = 0; i + n <= padded.length(); i++) {
                    out.add("c=" + padded.substring(i, i + n));
                }
            }
        }
        return out;
    }
}
