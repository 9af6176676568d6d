package no.kontakt.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.kontakt.text.Fold;

/**
 * Everything read from the lexicon files: pattern rules, word aliases, ordinary words that are never
 * typos of a lexicon word, negation words, the words a negation reaches across, the words that begin a new
 * clause ("men", "but"), filler words and emoji. Filled once at load, read-only afterwards.
 */
final class Lexicon {
    /** How many words a {@code ..} in a pattern may skip. */
    static final int GAP = 3;

    final List<Rule> rules = new ArrayList<>();
    final Map<String, Set<String>> aliases = new HashMap<>();
    final Set<String> ordinary = new HashSet<>();
    final Set<String> negations = new HashSet<>();
    final Set<String> fillers = new HashSet<>();
    final Set<String> negationScope = new HashSet<>();
    final Set<String> clauseWords = new HashSet<>();
    final Set<String> inability = new HashSet<>();
    final Set<String> intention = new HashSet<>();
    final Set<String> taken = new HashSet<>();
    final Map<Integer, String> emoji = new HashMap<>();
    private final Set<String> firstPersonWords = new HashSet<>();

    /** Reads one file; {@code source} names it in error messages. */
    void read(String source, String language, BufferedReader in) {
        List<String> errors = new ArrayList<>();
        Map<String, String> words = new HashMap<>();
        List<Rule> pending = new ArrayList<>();
        Section section = null;
        int lineNo = 0;
        try {
            for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
                lineNo++;
                String line = stripComment(raw);
                if (line.isEmpty()) {
                    continue;
                }
                String where = source + ":" + lineNo + ": ";
                if (line.startsWith("[")) {
                    section = line.endsWith("]") ? Section.parse(line.substring(1, line.length() - 1)) : null;
                    if (section == null) {
                        errors.add(where + "unknown section " + line + " (known: " + Section.KNOWN + ")");
                    }
                } else if (section == null) {
                    errors.add(where + "pattern '" + line + "' before any known section");
                } else {
                    readLine(where, language, section, line, words, pending, errors);
                }
            }
        } catch (IOException e) {
            throw new LexiconException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new LexiconException(String.join("\n", errors));
        }
        for (Rule rule : pending) {
            boolean firstPerson = rule.slots().stream().flatMap(s -> s.alternatives().stream())
                    .anyMatch(w -> firstPersonWords.contains(w.text()));
            rules.add(new Rule(rule.language(), rule.section(), rule.text(), rule.slots(), rule.exception(), firstPerson));
        }
    }

    private void readLine(String where, String language, Section section, String line,
            Map<String, String> words, List<Rule> pending, List<String> errors) {
        switch (section.kind()) {
            case WORDS -> readWords(where, line, words, errors);
            case EMOJI -> emoji.put(line.codePointAt(0), section.name());
            case ORDINARY -> ordinary.add(Fold.fold(line, Fold.LEXICON));
            case NEGATION -> negations.add(Fold.fold(line, Fold.LEXICON));
            case FILLER -> fillers.add(Fold.fold(line, Fold.LEXICON));
            case NEGATION_SCOPE -> negationScope.add(Fold.fold(line, Fold.LEXICON));
            case CLAUSE -> clauseWords.add(Fold.fold(line, Fold.LEXICON));
            case INABILITY -> inability.add(Fold.fold(line, Fold.LEXICON));
            case INTENTION -> intention.add(Fold.fold(line, Fold.LEXICON));
            case TAKEN -> taken.add(Fold.fold(line, Fold.LEXICON));
            case FIRST_PERSON -> firstPersonWords.add(Fold.fold(line, Fold.LEXICON));
            case ALIAS -> readAlias(where, line, errors);
            default -> {
                boolean exception = line.startsWith("!");
                String text = exception ? line.substring(1).trim() : line;
                if (exception && text.contains("..")) {
                    errors.add(where + "exception '" + line + "' may not use '..': it could swallow a real risk phrase nearby");
                    return;
                }
                List<Rule.Slot> slots = PatternSyntax.slots(where, text, words, errors);
                if (slots != null) {
                    pending.add(new Rule(language, section, text, slots, exception, false));
                }
            }
        }
    }

    private void readAlias(String where, String line, List<String> errors) {
        String[] sides = line.split("=", -1);
        if (sides.length != 2 || sides[0].isBlank() || sides[1].isBlank()) {
            errors.add(where + "alias must read 'word = variant variant ...', got '" + line + "'");
            return;
        }
        String canonical = Fold.fold(sides[0].trim(), Fold.LEXICON);
        for (String variant : sides[1].trim().split("\\s+")) {
            aliases.computeIfAbsent(Fold.fold(variant, Fold.LEXICON), k -> new HashSet<>()).add(canonical);
        }
    }

    /** A word class: {@code @pills = pille* tablett* paracet*}, used in patterns of the same file as {@code @pills}. */
    private static void readWords(String where, String line, Map<String, String> words, List<String> errors) {
        String[] sides = line.split("=", 2);
        String name = sides[0].trim();
        if (sides.length != 2 || !name.matches("@[a-z_]+") || sides[1].isBlank()) {
            errors.add(where + "a word class must read '@name = word word ...', got '" + line + "'");
        } else if (words.containsKey(name)) {
            errors.add(where + "word class " + name + " is defined twice");
        } else {
            words.put(name, String.join("|", sides[1].trim().split("\\s+")));
        }
    }

    private static String stripComment(String raw) {
        int hash = raw.indexOf('#');
        return (hash >= 0 ? raw.substring(0, hash) : raw).trim();
    }
}
