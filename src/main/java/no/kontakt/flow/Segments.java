package no.kontakt.flow;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What an SMS costs: its encoding, its length in that encoding's units, and how many segments it is sent as. */
public record Segments(Encoding encoding, int units, int count) {
    /** How the text is encoded: the GSM 03.38 alphabet, or UCS-2 as soon as one character is outside it. */
    public enum Encoding { GSM7, UCS2 }

    /** A character at UTF-16 {@code index} that forces UCS-2, with its GSM-7 {@code suggestion} or null if none. */
    public record Culprit(int index, String character, String suggestion) {}

    private static final Map<Integer, String> SUGGESTIONS = new HashMap<>();

    static {
        suggest("'", "\u2018\u2019\u201A\u201B\u2032\u00B4`\u2039\u203A");
        suggest("\"", "\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB");
        suggest("-", "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2022\u00B7");
        suggest("...", "\u2026");
        suggest(" ", "\t\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A"
                + "\u202F\u205F\u3000");
        suggest("", "\u00AD\u200B\u200C\u200D\u2060\uFEFF");
    }

    public Segments {
        Objects.requireNonNull(encoding, "encoding");
        if (units < 0 || count < 0) {
            throw new IllegalArgumentException("units and count must not be negative, got " + units + ", " + count);
        }
    }

    /**
     * The encoding, length and segment count of {@code text}. GSM-7 counts septets (two for an extension character)
     * and fits 160 in one segment, 153 in each part of a longer message; UCS-2 counts UTF-16 code units and fits 70,
     * then 67 a part. The count is exact, as Twilio sends it: an extension character or a surrogate pair is never
     * split across two parts, so a long text can take one part more than {@code ceil(units / 153)} (or 67). An
     * empty text is GSM-7 with 0 units and 0 segments.
     */
    public static Segments of(String text) {
        Objects.requireNonNull(text, "text");
        boolean gsm = text.codePoints().allMatch(cp -> Gsm7.septets(cp) > 0);
        Encoding encoding = gsm ? Encoding.GSM7 : Encoding.UCS2;
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        int units = 0;
        int parts = 1;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = gsm ? Gsm7.septets(cp) : Character.charCount(cp);
            i += Character.charCount(cp);
            units += width;
            if (used + width > part) {
                parts++;
                used = 0;
            }
            used += width;
        }
        int count = units == 0 ? 0 : units <= single ? 1 : parts;
        return new Segments(encoding, units, count);
    }

    /**
     * Each character that forces UCS-2, in order, by code point (an emoji is one culprit with both surrogates).
     * Suggestions: typographic quotes, primes, guillemets and ´ → ' or "; dashes, − and • → -; … → ...; tab,
     * no-break and other Unicode spaces → a space; soft hyphen, zero-width characters and BOM → "" (drop it);
     * a letter whose accent GSM-7 lacks → the letter without it (á → a, ê → e). Emoji and other scripts → null.
     */
    public static List<Culprit> ucs2Culprits(String text) {
        Objects.requireNonNull(text, "text");
        List<Culprit> out = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Gsm7.septets(cp) == 0) {
                out.add(new Culprit(i, new String(Character.toChars(cp)), suggestion(cp)));
            }
            i += Character.charCount(cp);
        }
        return List.copyOf(out);
    }

    private static String suggestion(int cp) {
        String known = SUGGESTIONS.get(cp);
        if (known != null) {
            return known;
        }
        if (!Character.isLetter(cp)) {
            return null;
        }
        String base = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        boolean usable = !base.isEmpty() && base.codePointCount(0, base.length()) == 1
                && Gsm7.septets(base.codePointAt(0)) == 1 && base.codePointAt(0) != cp;
        return usable ? base : null;
    }

    private static void suggest(String replacement, String characters) {
        characters.codePoints().forEach(cp -> SUGGESTIONS.put(cp, replacement));
    }
}
