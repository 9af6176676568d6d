package no.kontakt.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kontakt.conversation.LanguageGuess;
import no.kontakt.text.Fold;

/**
 * The language of a conversation from its first messages: frequent function words per language (a word
 * only one language uses weighs most), with the sender's country code as a prior. A conversation keeps its
 * language after its first two messages unless the citizen names another one; too little evidence keeps
 * what the prior says.
 */
public final class FunctionWordGuess implements LanguageGuess {
    private final Map<String, Map<String, Double>> weights = new HashMap<>();
    private final List<String> languages;
    private final CountryPrior prior;

    /** The country-code prior: the language a number's country suggests. */
    public interface CountryPrior {
        String languageOf(String from);
    }

    public FunctionWordGuess(List<String> languages, CountryPrior prior) {
        this.languages = List.copyOf(languages);
        this.prior = prior;
        Map<String, Set<String>> lists = read();
        Map<String, Integer> spread = new HashMap<>();
        lists.values().forEach(words -> words.forEach(w -> spread.merge(w, 1, Integer::sum)));
        lists.forEach((lang, words) -> {
            Map<String, Double> w = new HashMap<>();
            words.forEach(word -> w.put(word, 1.0 / spread.get(word) / spread.get(word)));
            weights.put(lang, w);
        });
    }

    @Override
    public String guess(String text, String from, String current) {
        if (current != null) {
            return current;
        }
        Map<String, Double> scores = scores(text);
        String prior = this.prior.languageOf(from);
        if (prior != null && scores.containsKey(prior)) {
            scores.merge(prior, 0.6, Double::sum);
        }
        String best = null;
        double bestScore = 0;
        double second = 0;
        for (var e : scores.entrySet()) {
            if (e.getValue() > bestScore) {
                second = bestScore;
                bestScore = e.getValue();
                best = e.getKey();
            } else if (e.getValue() > second) {
                second = e.getValue();
            }
        }
        return best != null && bestScore - second >= 0.5 ? best : prior;
    }

    /** Evidence per offered language: the summed weight of its function words in the text. */
    public Map<String, Double> scores(String text) {
        Map<String, Double> scores = new LinkedHashMap<>();
        languages.forEach(l -> scores.put(l, 0.0));
        for (String word : Fold.words(text, Fold.LANGUAGE)) {
            for (String lang : languages) {
                Double w = weights.getOrDefault(lang, Map.of()).get(word);
                if (w != null) {
                    scores.merge(lang, w, Double::sum);
                }
            }
        }
        return scores;
    }

    private static Map<String, Set<String>> read() {
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        try (var in = FunctionWordGuess.class.getResourceAsStream("/nlu/function-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("nlu/function-words.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                lists.put(line.substring(0, colon).strip(), new HashSet<>(List.of(line.substring(colon + 1).strip().split("\\s+"))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lists;
    }
}
