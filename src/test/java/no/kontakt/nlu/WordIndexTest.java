package no.kontakt.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The word index's automaton and its typo index against the plain definitions, word by word: a whole word equals the
 * message word, a stem begins it, an ending ends it, a part stands in it; a typo of a whole word keeps its first
 * letter (or swaps the first two) and is within one edit for 5–8 letters, two for longer.
 */
class WordIndexTest {
    private static final List<Rule.WordForm> FORMS = List.of(
            new Rule.WordForm("selvmord", Rule.Mode.PREFIX), new Rule.WordForm("selvmordstanker", Rule.Mode.WORD),
            new Rule.WordForm("tabletter", Rule.Mode.WORD), new Rule.WordForm("piller", Rule.Mode.WORD),
            new Rule.WordForm("pille", Rule.Mode.PREFIX), new Rule.WordForm("od", Rule.Mode.WORD), new Rule.WordForm("leve", Rule.Mode.EXACT),
            new Rule.WordForm("mord", Rule.Mode.SUFFIX), new Rule.WordForm("skad", Rule.Mode.INFIX), new Rule.WordForm("paracetamol", Rule.Mode.WORD),
            new Rule.WordForm("overdose", Rule.Mode.WORD), new Rule.WordForm("avskjedsbrev", Rule.Mode.WORD), new Rule.WordForm("dø", Rule.Mode.WORD));

    @Test
    void finds_exactly_the_words_the_plain_definitions_find_in_random_words_and_typos() {
        WordIndex index = new WordIndex(Map.of(), Set.of());
        List<Rule.WordForm> forms = FORMS.stream().map(f -> new Rule.WordForm(no.kontakt.text.Fold.fold(f.text(), no.kontakt.text.Fold.LEXICON), f.mode())).toList();
        forms.forEach(index::add);
        index.compile();
        Random random = new Random(42);
        List<String> words = new ArrayList<>(List.of("selvmordstanker", "selvmorstanker", "selvmordstnaker", "tabeltter", "tabletter",
                "pillene", "piler", "od", "odd", "leve", "leeve", "drapsmord", "uskadd", "paracetamoll", "parcetamol", "overdoes", "avskjedsbrv",
                "do", "lpiller", "ipller"));
        String letters = "aeilmnoprstdkv";
        for (Rule.WordForm f : forms) {
            for (int k = 0; k < 40; k++) {
                words.add(typo(f.text(), random, letters, 1 + random.nextInt(2)));
            }
        }
        for (String word : words) {
            BitSet found = index.match(List.of("x", word, "y"))[1];
            BitSet expected = new BitSet();
            for (int id = 0; id < forms.size(); id++) {
                if (plainly(word, forms.get(id))) {
                    expected.set(id);
                }
            }
            assertThat(found).as(word).isEqualTo(expected);
        }
    }

    /** The word or another spelling of it (runs of three letters or more squeezed to two or one, oe as o) is the form; or the word, or it squeezed, is a typo of it. */
    private static boolean plainly(String word, Rule.WordForm form) {
        String squeezed = no.kontakt.text.Fold.squeeze(word, 2);
        // runs are squeezed only where a letter stands three times or more ("odd" is not "od")
        String once = squeezed.equals(word) ? word : no.kontakt.text.Fold.squeeze(word, 1);
        for (String spelling : List.of(word, squeezed, once, word.replace("oe", "o"))) {
            if (exactly(spelling, form)) {
                return true;
            }
        }
        for (String spelling : List.of(word, squeezed)) {
            String t = form.text();
            if (form.mode() == Rule.Mode.WORD && typoOf(spelling, t) || form.mode() == Rule.Mode.PREFIX && t.length() >= 8 && stemTypo(spelling, t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean exactly(String word, Rule.WordForm form) {
        String t = form.text();
        return switch (form.mode()) {
            case EXACT, WORD -> word.equals(t);
            case PREFIX -> word.startsWith(t);
            case SUFFIX -> word.endsWith(t);
            case INFIX -> word.contains(t);
        };
    }

    private static boolean typoOf(String word, String t) {
        int shorter = Math.min(word.length(), t.length());
        int max = shorter < 5 ? 0 : shorter <= 8 ? 1 : 2;
        boolean sameStart = word.charAt(0) == t.charAt(0) || word.length() > 1 && word.charAt(0) == t.charAt(1) && word.charAt(1) == t.charAt(0);
        return word.length() >= 5 && t.length() >= 5 && max > 0 && sameStart && EditDistance.within(word, t, max) <= max;
    }

    /** A stem of 8 letters or more with one typo at the start of the word (this index's only stem, "selvmord", has no shorter stem). */
    private static boolean stemTypo(String word, String t) {
        if (word.length() < 5 || !(word.charAt(0) == t.charAt(0) || word.charAt(0) == t.charAt(1) && word.charAt(1) == t.charAt(0))) {
            return false;
        }
        for (int len = t.length() - 1; len <= Math.min(word.length(), t.length() + 1); len++) {
            if (EditDistance.within(word.substring(0, len), t, 1) <= 1) {
                return true;
            }
        }
        return false;
    }

    private static String typo(String word, Random random, String letters, int edits) {
        StringBuilder w = new StringBuilder(word);
        for (int e = 0; e < edits && w.length() > 1; e++) {
            int at = random.nextInt(w.length());
            switch (random.nextInt(4)) {
                case 0 -> w.deleteCharAt(at);
                case 1 -> w.insert(at, letters.charAt(random.nextInt(letters.length())));
                case 2 -> w.setCharAt(at, letters.charAt(random.nextInt(letters.length())));
                default -> {
                    if (at + 1 < w.length()) {
                        char c = w.charAt(at);
                        w.setCharAt(at, w.charAt(at + 1));
                        w.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return w.toString();
    }
}
