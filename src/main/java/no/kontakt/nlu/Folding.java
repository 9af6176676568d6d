package no.kontakt.nlu;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns text into matching form: lower case, accents folded (å→a, ø→o, ä→a, ö→o, æ→ae, é→e),
 * split into words on anything that is not a letter or digit; apostrophes inside a word are dropped
 * ("don't" → "dont", "ik'" → "ik").
 */
final class Folding {
    private Folding() {}

    /** The folded words of {@code text}, in order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                appendFolded(word, cp);
            } else if (isApostrophe(cp) && word.length() > 0) {
                continue;
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** Where a word of {@link #words} starts in the text, and the number of its clause (0 for the first). */
    record Place(int start, int clause) {}

    /**
     * For every word of {@link #words}, in order, where it starts and which clause it belongs to: a clause ends at
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
            } else if (!(isApostrophe(cp) && inWord)) {
                inWord = false;
                broken |= ".,;:!?\n\u2026".indexOf(cp) >= 0;
            }
            i += Character.charCount(cp);
        }
        return places;
    }

    /** One lexicon word in matching form; keeps the pattern characters {@code * = |}. */
    static String fold(String word) {
        StringBuilder folded = new StringBuilder(word.length());
        word.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                appendFolded(folded, cp);
            } else if (!isApostrophe(cp)) {
                folded.appendCodePoint(cp);
            }
        });
        return folded.toString();
    }

    /** {@code word} with every run of equal letters cut to at most {@code keep} ("doooo" → "doo" or "do"). */
    static String squeezeRuns(String word, int keep) {
        StringBuilder out = new StringBuilder(word.length());
        int run = 0;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            run = i > 0 && word.charAt(i - 1) == c ? run + 1 : 1;
            if (run <= keep) {
                out.append(c);
            }
        }
        return out.length() == word.length() ? word : out.toString();
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u00B4' || cp == '`';
    }

    private static void appendFolded(StringBuilder out, int cp) {
        int lower = Character.toLowerCase(cp);
        if (lower < 0x80) {
            out.append((char) lower);
            return;
        }
        switch (lower) {
            case 'æ' -> out.append("ae");
            case 'ø', 'ö', 'œ' -> out.append('o');
            case 'å', 'ä' -> out.append('a');
            case 'ß' -> out.append("ss");
            default -> appendStripped(out, lower);
        }
    }

    private static void appendStripped(StringBuilder out, int cp) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        decomposed.codePoints()
                .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
                .forEach(out::appendCodePoint);
    }
}
