package no.kontakt.flow;

import java.util.List;
import no.kontakt.text.Fold;

/**
 * How a reply matches a route's exact matchers: a number, a keyword or phrase anywhere in the message, the
 * whole message, a yes or a no, or a pattern — case, accents, punctuation and extra spaces ignored.
 */
public final class Matching {
    private Matching() {}

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
            if (normalize(exact).equals(normalized)) {
                return true;
            }
        }
        for (String keyword : route.keywords()) {
            if (containsPhrase(normalized, normalize(keyword))) {
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
        String padded = " " + normalizedText + " ";
        return padded.contains(" " + normalizedPhrase + " ");
    }

    /** The words of a keyword list as they are compared, for shadowing checks. */
    public static List<String> normalizedAll(List<String> words) {
        return words.stream().map(Matching::normalize).toList();
    }
}
