package no.kontakt.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.kontakt.flow.IntentClassifier;
import no.kontakt.flow.Matching;

/**
 * Intents by the examples as phrases: the intent whose longest example occurs in the message, as whole
 * words, wins; a tie between intents is no answer. Exact and predictable; issue F adds a trained classifier.
 */
public final class KeywordIntentClassifier implements IntentClassifier {
    /** An example's words, with a space either side so a search finds whole words ({@link Matching#containsPhrase}). */
    private record Phrase(String intent, String padded, int length) {}

    private final List<Phrase> phrases = new ArrayList<>();

    public KeywordIntentClassifier(IntentExamples examples) {
        examples.intents().forEach((intent, byLanguage) -> byLanguage.values().forEach(list -> list.forEach(example -> {
            String words = Matching.normalize(example);
            if (!words.isEmpty()) {
                phrases.add(new Phrase(intent, " " + words + " ", words.split(" ").length));
            }
        })));
    }

    @Override
    public Optional<Match> classify(String text, String language, Set<String> candidates) {
        String padded = " " + Matching.normalize(text) + " "; // padded once, not once per example
        String best = null;
        int bestLength = 0;
        boolean tie = false;
        for (Phrase p : phrases) {
            if (candidates != null && !candidates.isEmpty() && !candidates.contains(p.intent())) {
                continue;
            }
            if (padded.contains(p.padded())) {
                if (p.length() > bestLength) {
                    best = p.intent();
                    bestLength = p.length();
                    tie = false;
                } else if (p.length() == bestLength && !p.intent().equals(best)) {
                    tie = true;
                }
            }
        }
        return best == null || tie ? Optional.empty() : Optional.of(new Match(best, 1.0));
    }
}
