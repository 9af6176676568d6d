package no.kontakt.flow;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import no.kontakt.text.Fold;

/** Reads a number typed as the whole answer: digits ("2", " 3 ", "2.") or a word from one to twelve ("två"). */
public final class Numbers {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern EDGES = Pattern.compile("^[+]+|[.:]+$");
    private static final Map<String, Integer> WORDS = new HashMap<>();
    private static final Map<String, Integer> SQUEEZED = new HashMap<>();

    static {
        add(1, "en", "én", "ett", "et", "ein", "eitt", "eit", "one");
        add(2, "to", "två", "two");
        add(3, "tre", "three");
        add(4, "fire", "fyra", "four");
        add(5, "fem", "five");
        add(6, "seks", "sex", "six");
        add(7, "sju", "syv", "seven");
        add(8, "åtte", "otte", "åtta", "eight");
        add(9, "ni", "nio", "nine");
        add(10, "ti", "tio", "ten");
        add(11, "elleve", "ellve", "elva", "eleven");
        add(12, "tolv", "twelve");
    }

    private Numbers() {}

    /**
     * The number, or empty when the text is anything more than one number. Digits: "2", " 3 ", "2.", "2)", "#2",
     * "+2", "07" (at most nine, so the value always fits; no sign). Words from one to twelve in nb, nn, da, sv and
     * en: "en", "én", "ett", "ein", "to", "två", "fire", "fyra", "seks", "sex", "three"…, matched whole after
     * {@link Fold#match}, so "en", "et" and "ni" count only when they are the whole message. Empty for "2 barn",
     * "1 2", "2,5", "-2", "nr 2", "kanskje to". {@code language} is accepted for symmetry with the other readers; no
     * word means different numbers in different languages, so it is not needed.
     */
    public static Optional<Integer> parse(String text, String language) {
        Objects.requireNonNull(text, "text");
        String n = EDGES.matcher(Fold.match(text)).replaceAll("").strip();
        if (DIGITS.matcher(n).matches()) {
            return Optional.of(Integer.parseInt(n));
        }
        return Optional.ofNullable(WORDS.get(n));
    }

    /** A number word already folded and squeezed ({@link Fold#squeeze}), as the time reader sees it. */
    static Optional<Integer> squeezedWord(String squeezed) {
        return Optional.ofNullable(SQUEEZED.get(squeezed));
    }

    private static void add(int value, String... words) {
        for (String w : words) {
            String folded = Fold.match(w);
            WORDS.put(folded, value);
            SQUEEZED.put(Fold.squeeze(folded, 1), value);
        }
    }
}
