package no.kontakt.nlu;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kontakt.text.Fold;

/**
 * A character n-gram (1–4) naive Bayes model of each language, trained at start-up on the unit's own texts in
 * that language — the scripts, the global texts, the intent examples — so it knows how nb, nn, da and sv
 * spell the words of this service, which a general model confuses in short messages.
 */
public final class CharNgrams implements LanguageModel {
    private static final int MAX_N = 4;
    private final Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    private final Map<String, Integer> totals = new HashMap<>();
    private int vocabulary;

    public CharNgrams(Map<String, List<String>> textsByLanguage) {
        java.util.Set<String> all = new java.util.HashSet<>();
        textsByLanguage.forEach((language, texts) -> {
            Map<String, Integer> c = counts.computeIfAbsent(language, l -> new HashMap<>());
            for (String text : texts) {
                for (String gram : grams(text)) {
                    c.merge(gram, 1, Integer::sum);
                    totals.merge(language, 1, Integer::sum);
                    all.add(gram);
                }
            }
        });
        vocabulary = Math.max(1, all.size());
    }

    @Override
    public Map<String, Double> probabilities(String text) {
        List<String> grams = grams(text);
        Map<String, Double> out = new LinkedHashMap<>();
        if (grams.isEmpty() || counts.isEmpty()) {
            return out;
        }
        Map<String, Double> logs = new LinkedHashMap<>();
        double max = Double.NEGATIVE_INFINITY;
        for (var e : counts.entrySet()) {
            double total = totals.getOrDefault(e.getKey(), 0) + vocabulary;
            double log = 0;
            for (String g : grams) {
                log += Math.log((e.getValue().getOrDefault(g, 0) + 1) / total);
            }
            log /= Math.sqrt(grams.size()); // keep long messages from becoming certain of anything
            logs.put(e.getKey(), log);
            max = Math.max(max, log);
        }
        double sum = 0;
        for (var e : logs.entrySet()) {
            double p = Math.exp(e.getValue() - max);
            out.put(e.getKey(), p);
            sum += p;
        }
        double s = sum;
        out.replaceAll((k, v) -> v / s);
        return out;
    }

    static List<String> grams(String text) {
        String t = " " + Fold.fold(text, Fold.LANGUAGE) + " ";
        List<String> out = new java.util.ArrayList<>();
        if (t.isBlank()) {
            return out;
        }
        for (int n = 1; n <= MAX_N; n++) {
            for (int i = 0; i + n <= t.length(); i++) {
                String g = t.substring(i, i + n);
                if (!g.isBlank()) {
                    out.add(g);
                }
            }
        }
        return out;
    }
}
