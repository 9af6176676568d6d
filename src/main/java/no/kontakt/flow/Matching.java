package no.kontakt.flow;

import java.util.List;
import no.kontakt.text.Fold;

/**
 * How a reply matches a route's exact matchers: a number, a keyword or phrase anywhere in the message, the
 * whole message, a yes or a no, or a pattern — case, accents, punctuation and extra spaces ignored.
 */
public final class Matching {
    /** The scripts' own words and phrases, normalised once: they are few, and each message is compared with all of them. */
    private static final java.util.Map<String, String> CONFIGURED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CONFIGURED_MAX = 50_000;

    private Matching() {}

    /**
     * {@link #normalize} of a word or phrase from the scripts or the code (never of a message: a message would stay in
     * memory), remembered. Bounded: past {@value #CONFIGURED_MAX} distinct strings (scripts published many times) it
     * starts over.
     */
    static String normalizeConfigured(String s) {
        if (s == null) {
            return "";
        }
        String n = CONFIGURED.get(s);
        if (n == null) {
            if (CONFIGURED.size() >= CONFIGURED_MAX) {
                CONFIGURED.clear();
            }
            n = normalize(s);
            CONFIGURED.put(s, n);
        }
        return n;
    }

    public static String normalize(String s) {
        return Fold.match(s == null ? "" : s);
    }

    /** True when one of the route's exact matchers takes the reply. */
    public static boolean matches(Route route, String reply, String language) {
        String normalized = normalize(reply);
        if (!route.numbers().isEmpty()) {
            var n = Numbers.parse(reply, language);
            if (n.isPresent() && route.numbers().contains(n.get())) {
                return true;
            }
        }
        for (String exact : route.exactly()) {
            if (normalizeConfigured(exact).equals(normalized)) {
                return true;
            }
        }
        for (String keyword : route.keywords()) {
            if (containsPhrase(normalized, normalizeConfigured(keyword))) {
                return true;
            }
        }
        if (route.answer() != null && YesNo.parse(reply, language).map(route.answer()::equals).orElse(false)) {
            return true;
        }
        return route.pattern() != null && route.pattern().matcher(reply.strip()).find();
    }

    /** True when the phrase's words appear together, as whole words, in the text. */
    public static boolean containsPhrase(String normalizedText, String normalizedPhrase) {
        if (normalizedPhrase.isEmpty()) {
            return false;
        }
        if (normalizedPhrase.charAt(0) == ' ' || normalizedPhrase.charAt(normalizedPhrase.length() - 1) == ' ') {
            String padded = " " + normalizedText + " ";
            return padded.contains(" " + normalizedPhrase + " ");
        }
        // the same as finding " phrase " in " text ", without building both strings for every phrase of every message
        for (int at = normalizedText.indexOf(normalizedPhrase); at >= 0; at = normalizedText.indexOf(normalizedPhrase, at + 1)) {
            int end = at + normalizedPhrase.length();
            if ((at == 0 || normalizedText.charAt(at - 1) == ' ') && (end == normalizedText.length() || normalizedText.charAt(end) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** The words of a keyword list as they are compared, for shadowing checks. */
    public static List<String> normalizedAll(List<String> words) {
        return words.stream().map(Matching::normalize).toList();
    }
}
