package no.kontakt.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A phrase is found as whole words: the search without padded copies answers as the padded search did. */
class MatchingPhraseTest {
    private static boolean padded(String text, String phrase) {
        return !phrase.isEmpty() && (" " + text + " ").contains(" " + phrase + " ");
    }

    private static String random(Random r, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(max + 1); i > 0; i--) {
            s.append("ab ".charAt(r.nextInt(3)));
        }
        return s.toString();
    }

    @Test
    void answers_as_the_padded_search() {
        Random r = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            String text = random(r, 12);
            String phrase = random(r, 5);
            assertEquals(padded(text, phrase), Matching.containsPhrase(text, phrase), () -> "'" + text + "' / '" + phrase + "'");
        }
    }

    @Test
    void whole_words_only() {
        assertTrue(Matching.containsPhrase("slett alt om meg", "alt om meg"));
        assertTrue(Matching.containsPhrase("slett", "slett"));
        assertFalse(Matching.containsPhrase("slettet alt", "slett"));
        assertFalse(Matching.containsPhrase("om meget", "om meg"));
        assertFalse(Matching.containsPhrase("noe", ""));
    }
}
