package no.kontakt.flow;

import java.util.HashSet;
import java.util.Set;

/** Folded words and phrases of the slot readers, with the first word of each so most lookups end at one word. */
final class PhraseSet {
    private final Set<String> phrases = new HashSet<>();
    private final Set<String> firstWords = new HashSet<>();

    void add(String phrase) {
        phrases.add(phrase);
        int space = phrase.indexOf(' ');
        firstWords.add(space < 0 ? phrase : phrase.substring(0, space));
    }

    boolean contains(String phrase) {
        return phrases.contains(phrase);
    }

    /** True when some phrase starts with {@code word}. */
    boolean startsWith(String word) {
        return firstWords.contains(word);
    }
}
