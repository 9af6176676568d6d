package no.kontakt.flow;

import java.util.Locale;
import java.util.regex.Pattern;

/** What the slot readers do to a message before it is folded ({@link no.kontakt.text.Fold}). */
public final class Text {
    private static final Pattern SWEDISH_NA = Pattern.compile("(?<!\\p{L})nä+e?(?!\\p{L})");

    private Text() {}

    /**
     * Lowercases and turns the Swedish "nä"/"nää"/"näe" (no) into "nej" before accents are folded, so it does not
     * become "na", which is how the Norwegian "nå" (now) folds.
     */
    static String lowerWithSwedishNo(String s) {
        return SWEDISH_NA.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("nej");
    }
}
