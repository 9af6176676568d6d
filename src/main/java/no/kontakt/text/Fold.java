package no.kontakt.text;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Folds what people type into one form for comparing words: the one place where text is lower-cased, its accents and
 * Nordic letters folded, and its punctuation and spaces collapsed. The scripts' routes and global words, the slot
 * readers, the intent classifier, the risk lexicons and the language detector all fold through {@link #fold}; they
 * differ only in the named {@link Style} they pass. Depends on nothing but the JDK, so both the engine and the NLU use it.
 */
public final class Fold {
    /**
     * How {@link #fold} treats what it meets.
     *
     * @param foldLetters  true: {@code æ → ae}, {@code ø, ö, œ → o}, {@code å, ä → a}, {@code ß → ss} and every other
     *                     accent dropped ({@code é → e}); false: letters are only lower-cased ({@code æøåäö} stay)
     * @param digits       whether digits belong to words (otherwise they separate words, as punctuation does)
     * @param kept         characters besides letters (and digits) that belong to words, e.g. {@code ":.-+"} for clock
     *                     times and phone numbers
     * @param verbatim     true: every other character is kept as it is (a lexicon line keeps its pattern signs and
     *                     spaces); false: every other character separates words, runs of separators become one
     *                     space and the ends are trimmed
     * @param joinApostrophes true: an apostrophe inside a word is dropped ({@code don't → dont}); false: it separates
     *                     words like other punctuation
     */
    public record Style(boolean foldLetters, boolean digits, String kept, boolean verbatim, boolean joinApostrophes) {
        public Style {
            Objects.requireNonNull(kept, "kept");
        }
    }

    /**
     * Route keywords, exact replies, global words and the slot readers: folded letters and digits, {@code : . - +}
     * kept for clock times and numbers ({@code "  Etter  KL. 16!! " → "etter kl. 16"}), apostrophes separate.
     */
    public static final Style MATCH = new Style(true, true, ":.-+", false, false);
    /** The words of a message as the risk lexicons see them: folded letters and digits, apostrophes dropped inside words. */
    public static final Style WORDS = new Style(true, true, "", false, true);
    /** One lexicon entry: its letters folded as {@link #WORDS} folds a message; pattern signs ({@code * = |}) and spaces kept. */
    public static final Style LEXICON = new Style(true, true, "", true, true);
    /** For telling languages apart: lower case only, so {@code æøå äö} still tell Norwegian from Swedish; letters only. */
    public static final Style LANGUAGE = new Style(false, false, "", false, false);

    private Fold() {}

    /** {@code text} folded with {@link #MATCH}. */
    public static String match(String text) {
        return fold(text, MATCH);
    }

    /** {@code text} folded with {@link #WORDS}, split into its words; empty for text without letters or digits. */
    public static List<String> words(String text) {
        return words(text, WORDS);
    }

    /** {@code text} folded with {@code style} (which must not be {@code verbatim}), split into its words. */
    public static List<String> words(String text, Style style) {
        if (style.verbatim()) {
            throw new IllegalArgumentException("a verbatim style keeps separators, so it has no words: " + style);
        }
        String folded = fold(text, style);
        return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }

    /**
     * The text folded with {@code style}: lower case ({@link Locale#ROOT}); letters folded when the style says so
     * (combining marks are then dropped wherever they stand, so a decomposed {@code a + ̊} reads as {@code a});
     * letters of other scripts stay as they are; everything else kept or turned into word breaks as the style says.
     */
    public static String fold(String text, Style style) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (style.verbatim()) {
                if (belongs(cp, style)) {
                    appendLetter(out, cp, style.foldLetters());
                } else if (!(style.joinApostrophes() && isApostrophe(cp))) {
                    out.appendCodePoint(cp);
                }
                continue;
            }
            if (style.foldLetters() && isMark(cp)) {
                continue;
            }
            if (belongs(cp, style)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                appendLetter(out, cp, style.foldLetters());
            } else if (!(style.joinApostrophes() && isApostrophe(cp) && !pendingSpace && out.length() > 0)) {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    /**
     * {@code word} with every run of the same letter cut to at most {@code keep} letters ({@code "doooo" → "doo"} for 2,
     * {@code "jaaa" → "ja"} for 1); digits and other characters stay as they are ({@code "1000"}).
     */
    public static String squeeze(String word, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1, was " + keep);
        }
        StringBuilder out = new StringBuilder(word.length());
        int previous = -1;
        int run = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            run = cp == previous ? run + 1 : 1;
            previous = cp;
            if (run <= keep || !Character.isLetter(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.length() == word.length() ? word : out.toString();
    }

    /** True for the apostrophes people type inside words: {@code ' ’ ´ `}. */
    public static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '\u2019' || cp == '\u00B4' || cp == '`';
    }

    /** True for a combining mark (an accent typed as its own character, or an emoji variation selector). */
    public static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean belongs(int cp, Style style) {
        if (Character.isLetter(cp)) {
            return true;
        }
        if (Character.isDigit(cp)) {
            return style.digits();
        }
        return cp < 0x80 && style.kept().indexOf(cp) >= 0;
    }

    private static void appendLetter(StringBuilder out, int cp, boolean foldLetters) {
        int lower = Character.toLowerCase(cp);
        if (lower < 0x80 || !foldLetters) {
            out.appendCodePoint(lower);
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
        decomposed.codePoints().filter(c -> !isMark(c)).forEach(out::appendCodePoint);
    }
}
