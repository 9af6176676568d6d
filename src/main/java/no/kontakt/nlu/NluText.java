package no.kontakt.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kontakt.flow.Matching;

/**
 * Text as the classifiers see it: lower case without accents or punctuation ({@link Matching#normalize}),
 * letters repeated three times or more cut to one ("heeeei" → "hei"), and common SMS spellings written out.
 */
final class NluText {
    private static final Map<String, String> SMS = Map.ofEntries(
            Map.entry("e", "er"), Map.entry("d", "det"), Map.entry("dk", "deg"), Map.entry("mg", "meg"), Map.entry("nn", "noen"),
            Map.entry("nån", "noen"), Map.entry("nan", "noen"), Map.entry("æ", "jeg"), Map.entry("ae", "jeg"), Map.entry("ka", "hva"),
            Map.entry("ke", "hva"), Map.entry("hv", "hva"), Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("u", "you"),
            Map.entry("r", "are"), Map.entry("2day", "today"), Map.entry("2morrow", "tomorrow"), Map.entry("tmrw", "tomorrow"),
            Map.entry("ikk", "ikke"), Map.entry("ik", "ikke"), Map.entry("itj", "ikke"), Map.entry("kanskj", "kanskje"));

    private NluText() {}

    static String[] tokens(String text) {
        String normalized = Matching.normalize(text == null ? "" : text).replaceAll("(\\p{L})\\1{2,}", "$1");
        List<String> out = new ArrayList<>();
        for (String word : normalized.split(" ")) {
            if (!word.isBlank()) {
                out.add(SMS.getOrDefault(word, word));
            }
        }
        return out.toArray(String[]::new);
    }
}
