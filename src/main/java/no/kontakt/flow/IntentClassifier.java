package no.kontakt.flow;

import java.util.Optional;
import java.util.Set;

/** The port the engine asks which intent a message has, among the intents a waiting step can route. */
public interface IntentClassifier {

    Optional<Match> classify(String text, String language, Set<String> candidates);

    /** An intent and how sure the classifier is (0–1). */
    record Match(String intent, double confidence) {}

    IntentClassifier NONE = (text, language, candidates) -> Optional.empty();
}
