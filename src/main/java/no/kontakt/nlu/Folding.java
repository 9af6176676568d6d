package no.kontakt.nlu;

import java.util.ArrayList;
import java.util.List;
import no.kontakt.text.Fold;

/**
 * Where the words of {@link Fold#words(String)} stand in the text they came from, and which clause each belongs to.
 */
final class Folding {
    private Folding() {}

    /** Where a word of {@link Fold#words(String)} starts in the text, and the number of its clause (0 for the first). */
    record Place(int start, int clause) {}

    /**
     * For every word of {@link Fold#words(String)}, in order, where it starts and which clause it belongs to: a clause ends at
     * any of {@code . , ; : ! ? …} or a line break ("ingen selvmordstanker, vil dø" is two clauses).
     */
    static List<Place> places(String text) {
        List<Place> places = new ArrayList<>();
        int clause = 0;
        boolean inWord = false;
        boolean broken = false;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    if (broken && !places.isEmpty()) {
                        clause++;
                    }
                    broken = false;
                    places.add(new Place(i, clause));
                    inWord = true;
                }
            } else if (Fold.isMark(cp)) {
                // a combining mark is dropped by the fold: it neither starts nor ends a word
            } else if (!(Fold.isApostrophe(cp) && inWord)) {
                inWord = false;
                broken |= ".,;:!?\n\u2026".indexOf(cp) >= 0;
            }
            i += Character.charCount(cp);
        }
        return places;
    }
}
