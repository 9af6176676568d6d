package no.kontakt.flow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import no.kontakt.text.Fold;

/** Reads a clear yes or no from a short answer in nb, nn, da, sv or en ("ja takk", "nej tak", "nope", "jaaa!"). */
public final class YesNo {
    private static final int YES = 1;
    private static final int NO = -1;
    private static final int NEUTRAL = 0;

    /** A known phrase found in the answer: how many words it covers and what it says. */
    private record Phrase(int length, int polarity) {}

    private static final Pattern EDGES = Pattern.compile("^[.:+-]+|[.:+-]+$");
    private static final Map<String, Integer> WORDS = new HashMap<>();
    private static final Map<String, Integer> PHRASES = new HashMap<>();

    static {
        words(YES, "ja", "jo", "j", "jepp", "japp", "jep", "jeps", "jupp", "jada", "joda", "jaja", "javel", "javisst",
                "jovisst", "visst", "jajamen", "jadda", "gjerne", "gerne", "gärna", "ok", "okei", "okay", "okey",
                "okej", "oki", "k", "greit", "greitt", "fint", "bra", "flott", "supert", "super", "perfekt", "passer",
                "passar", "absolutt", "absolut", "selvfølgelig", "selvsagt", "sjølvsagt", "självklart", "klart",
                "yes", "yep", "yup", "yeah", "yea", "ya", "ye", "y", "sure", "fine", "good", "great", "perfect",
                "definitely", "absolutely", "certainly", "okidoki");
        words(NO, "nei", "nej", "nae", "n", "no", "nope", "nah", "nay", "nix", "ikke", "ikkje", "inte", "ej",
                "not", "aldri", "aldrig", "never");
        words(NEUTRAL, "takk", "tak", "tack", "thanks", "thank", "thx", "you", "please", "pls", "tusen", "mange",
                "så", "da", "nå", "nu", "now", "det", "er", "är", "it", "is", "that", "thats", "helst",
                "interessert", "interesseret", "intresserad", "interested", "hei", "hej", "hi", "jeg", "eg",
                "jag", "i", "du", "dere", "de", "jer", "ni", "vil", "will", "ønsker");
        phrases(YES, "no problem", "no worries", "ikke noe problem", "ikkje noko problem", "ingen problem",
                "intet problem", "inget problem", "inga problem", "of course", "for sure", "why not", "hvorfor ikke",
                "kvifor ikkje", "varför inte", "gjerne det", "det går bra", "det går fint", "det gjør jeg",
                "sounds good", "det vil jeg");
        phrases(NO, "passer ikke", "passer ikkje", "passar inte", "går ikke", "går ikkje", "går inte",
                "not really", "no way", "ikke interessert", "ikkje interessert", "inte intresserad",
                "ikke interesseret", "not interested", "no thanks", "no thank you", "ikke aktuelt", "ikkje aktuelt",
                "inte aktuellt", "helst ikke", "helst ikkje", "helst inte", "ikke nu", "inte nu", "not now",
                "ikke nå", "ikkje no", "ikkje nå", "dont", "don t", "do not", "ingen takk", "aldri i livet",
                "aldrig i livet", "no chance");
    }

    private YesNo() {}

    /**
     * Yes ({@code true}), no ({@code false}) or empty when {@code text} is not clearly one of them.
     *
     * <p>The answer is folded ({@link Fold#match}; the Swedish "nä" kept apart from the Norwegian "nå"; repeated
     * letters squeezed, so "jaaa" and "neeei" count), known phrases are read first ("no problem" is yes, "passer
     * ikke" is no), then every word must be a yes word, a no word or a neutral one (takk, tack, please, nå, det…).
     * Yes and no together, or any unknown word, give empty: "ja nei", "kanskje", "vet ikke", "ja men etter 16".
     * A lone 👍 or 👎 with no words counts too. All five languages' words are accepted whatever {@code language}
     * is; the hint only settles a clash: in nynorsk ({@code "nn"}) "no" means "now", so "no" alone is empty there
     * and a no everywhere else. {@code language} may be null.
     */
    public static Optional<Boolean> parse(String text, String language) {
        Objects.requireNonNull(text, "text");
        List<String> tokens = tokens(text);
        if (tokens.isEmpty()) {
            return thumbs(text);
        }
        boolean nynorsk = "nn".equals(language);
        int yes = 0;
        int no = 0;
        for (int i = 0; i < tokens.size(); ) {
            Phrase phrase = phraseAt(tokens, i);
            Integer polarity = phrase != null ? Integer.valueOf(phrase.polarity()) : WORDS.get(tokens.get(i));
            if (phrase == null && nynorsk && tokens.get(i).equals("no")) {
                polarity = NEUTRAL;
            }
            if (polarity == null) {
                return Optional.empty();
            }
            yes += polarity == YES ? 1 : 0;
            no += polarity == NO ? 1 : 0;
            i += phrase != null ? phrase.length() : 1;
        }
        if (yes > 0 && no == 0) {
            return Optional.of(Boolean.TRUE);
        }
        return no > 0 && yes == 0 ? Optional.of(Boolean.FALSE) : Optional.empty();
    }

    /** The longest known phrase starting at {@code from}, or null. */
    private static Phrase phraseAt(List<String> tokens, int from) {
        for (int end = Math.min(tokens.size(), from + 4); end > from; end--) {
            Integer polarity = PHRASES.get(String.join(" ", tokens.subList(from, end)));
            if (polarity != null) {
                return new Phrase(end - from, polarity);
            }
        }
        return null;
    }

    private static Optional<Boolean> thumbs(String text) {
        boolean up = text.contains("\uD83D\uDC4D");
        boolean down = text.contains("\uD83D\uDC4E");
        return up == down ? Optional.empty() : Optional.of(up);
    }

    /** Folded, squeezed words with leading and trailing {@code . : - +} removed. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String word : Fold.words(Text.lowerWithSwedishNo(text), Fold.MATCH)) {
            String trimmed = EDGES.matcher(word).replaceAll("");
            if (!trimmed.isEmpty()) {
                out.add(Fold.squeeze(trimmed, 1));
            }
        }
        return out;
    }

    private static void words(int polarity, String... words) {
        add(WORDS, polarity, words);
    }

    private static void phrases(int polarity, String... phrases) {
        add(PHRASES, polarity, phrases);
    }

    private static void add(Map<String, Integer> table, int polarity, String... entries) {
        for (String entry : entries) {
            String key = String.join(" ", tokens(entry));
            Integer previous = table.put(key, polarity);
            if (previous != null && previous != polarity) {
                throw new IllegalStateException("yes/no word '" + key + "' has two meanings");
            }
        }
    }
}
