package no.kontakt.nlu;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kontakt.text.Fold;

/**
 * The syntax of one lexicon pattern: words separated by spaces, where {@code word*} is a stem,
 * {@code *word} an ending, {@code *word*} a part of a word, {@code =word} an exact word (no typo tolerance),
 * {@code a|b} alternatives for one word, {@code @name} the alternatives of a word class defined in the
 * file's {@code [words]} section, and {@code ..} allows up to {@value Lexicon#GAP} other words in between.
 */
final class PatternSyntax {
    private PatternSyntax() {}

    /** The slots of {@code text}, or {@code null} after adding what is wrong to {@code errors}. */
    static List<Rule.Slot> slots(String where, String text, Map<String, String> words, List<String> errors) {
        List<Rule.Slot> slots = new ArrayList<>();
        int gap = 0;
        for (String part : text.split("\\s+")) {
            if (part.equals("..")) {
                if (slots.isEmpty() || gap > 0) {
                    errors.add(where + "'..' must stand between two words in '" + text + "'");
                    return null;
                }
                gap = Lexicon.GAP;
                continue;
            }
            List<Rule.WordForm> alternatives = new ArrayList<>();
            for (String alternative : expand(part, words).split("\\|", -1)) {
                if (alternative.startsWith("@")) {
                    errors.add(where + "word class " + alternative + " in '" + text + "' is not defined above in [words]");
                    return null;
                }
                Rule.WordForm form = form(alternative);
                if (form == null) {
                    errors.add(where + "'" + alternative + "' in '" + text
                            + "' is not a word (letters and digits, with an optional * or =; write 'self harm', not 'self-harm')");
                    return null;
                }
                alternatives.add(form);
            }
            slots.add(new Rule.Slot(List.copyOf(alternatives), gap));
            gap = 0;
        }
        if (gap > 0 || slots.isEmpty()) {
            errors.add(where + "'..' must stand between two words in '" + text + "'");
            return null;
        }
        return List.copyOf(slots);
    }

    private static String expand(String part, Map<String, String> words) {
        StringBuilder out = new StringBuilder();
        for (String alternative : part.split("\\|", -1)) {
            out.append(out.length() > 0 ? "|" : "").append(words.getOrDefault(alternative, alternative));
        }
        return out.toString();
    }

    private static Rule.WordForm form(String raw) {
        Rule.Mode mode = Rule.Mode.WORD;
        String word = raw;
        if (word.startsWith("=")) {
            mode = Rule.Mode.EXACT;
            word = word.substring(1);
        } else if (word.length() > 2 && word.startsWith("*") && word.endsWith("*")) {
            mode = Rule.Mode.INFIX;
            word = word.substring(1, word.length() - 1);
        } else if (word.endsWith("*")) {
            mode = Rule.Mode.PREFIX;
            word = word.substring(0, word.length() - 1);
        } else if (word.startsWith("*")) {
            mode = Rule.Mode.SUFFIX;
            word = word.substring(1);
        }
        String folded = Fold.fold(word, Fold.LEXICON);
        if (folded.isEmpty() || !folded.chars().allMatch(Character::isLetterOrDigit)) {
            return null;
        }
        return new Rule.WordForm(folded, mode);
    }
}
