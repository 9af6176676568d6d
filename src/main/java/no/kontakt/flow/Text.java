package no.kontakt.flow;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Folds what citizens type into a predictable form for matching words, numbers and times. */
public final class Text {
    private static final Pattern SWEDISH_NA = Pattern.compile("(?<!\\p{L})nä+e?(?!\\p{L})");

    private Text() {}

    /**
     * Folds {@code s} for matching, in this order:
     * <ol>
     *   <li>lowercase with {@link Locale#ROOT};</li>
     *   <li>{@code æ → ae}, {@code ø → o}, {@code ß → ss};</li>
     *   <li>NFD, then every combining mark is dropped ({@code é → e, å → a, ä → a, ö → o, ü → u});</li>
     *   <li>every character that is not a letter, a digit, whitespace or one of {@code : . - +} becomes a space,
     *       so punctuation and emoji separate words ({@code "ja,takk!🙂" → "ja takk"});</li>
     *   <li>runs of whitespace (also no-break and other Unicode spaces) become one space; the ends are trimmed.</li>
     * </ol>
     * Letters of other scripts are kept as they are. Example: {@code "  Etter  KL. 16!! " → "etter kl. 16"}.
     */
    public static String normalize(String s) {
        Objects.requireNonNull(s, "s");
        String folded = s.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("ß", "ss");
        String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(cp) || cp == ':' || cp == '.' || cp == '-' || cp == '+') {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(cp);
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }

    /** The words of {@link #normalize(String)}: split on its single spaces; an empty list for blank text. */
    public static List<String> words(String s) {
        String n = normalize(s);
        return n.isEmpty() ? List.of() : List.of(n.split(" "));
    }

    /** Collapses runs of the same letter to one ({@code "jaaa" → "ja"}, {@code "etter" → "eter"}); digits stay. */
    static String squeeze(String word) {
        StringBuilder out = new StringBuilder(word.length());
        int previous = -1;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (cp != previous || !Character.isLetter(cp)) {
                out.appendCodePoint(cp);
            }
            previous = cp;
        }
        return out.toString();
    }

    /**
     * Lowercases and turns the Swedish "nä"/"nää"/"näe" (no) into "nej" before accents are folded, so it does not
     * become "na", which is how the Norwegian "nå" (now) folds.
     */
    static String lowerWithSwedishNo(String s) {
        return SWEDISH_NA.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("nej");
    }
}
