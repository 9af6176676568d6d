package no.kontakt.flow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The global words, handled before any step of any script (STOP, START, HJELP, MENY, SLETT and the language
 * names), where conversations start and restart, and the texts the engine itself says. Read from
 * {@code conversations/global.yaml}.
 */
public record Globals(Map<Word, List<String>> words, Map<String, List<String>> languageWords, String startScript,
                      String menuScript, String menuStep, Map<String, Texts> texts, Location location, Map<Word, List<String>> phrases) {

    public enum Word { STOP, START, HELP, MENU, ERASE }

    /** The texts the engine needs from global.yaml. */
    public static final Set<String> TEXT_KEYS = Set.of("opted_out", "opted_in", "help", "not_understood",
            "erase_confirm", "erase_cancelled", "erased", "risk", "language_changed", "failed",
            "appointment_booked", "appointment_reminder", "appointment_yes", "appointment_no", "feedback_question", "feedback_thanks");

    /** Texts global.yaml may give: without them, stop and menu in free words are not asked about (only the bare words work). */
    public static final Set<String> OPTIONAL_TEXT_KEYS = Set.of("stop_confirm", "menu_confirm", "word_cancelled");

    public Globals {
        words = Map.copyOf(words);
        languageWords = Map.copyOf(languageWords);
        texts = Map.copyOf(texts);
        phrases = phrases == null ? Map.of() : Map.copyOf(phrases);
    }

    public Globals(Map<Word, List<String>> words, Map<String, List<String>> languageWords, String startScript,
                   String menuScript, String menuStep, Map<String, Texts> texts, Location location) {
        this(words, languageWords, startScript, menuScript, menuStep, texts, location, null);
    }

    /** The global wish a message says in free words: one of the {@code phrases} anywhere in it ("slett alt om meg"). */
    public Optional<Word> phraseOf(String message) {
        return phraseOfNormalized(Matching.normalize(message));
    }

    private Optional<Word> phraseOfNormalized(String m) {
        for (var e : phrases.entrySet()) {
            for (String p : e.getValue()) {
                if (Matching.containsPhrase(m, Matching.normalizeConfigured(p))) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** True when the engine, not a pending yes/no elsewhere (an appointment), must answer this message. */
    public boolean claims(String message) {
        String m = Matching.normalize(message);
        return wordOfNormalized(m).isPresent() || phraseOfNormalized(m).isPresent() || languageOfNormalized(m).isPresent();
    }

    /** The global word the whole message is, if it is one (case, accents and punctuation ignored). */
    public Optional<Word> wordOf(String message) {
        return wordOfNormalized(Matching.normalize(message));
    }

    private Optional<Word> wordOfNormalized(String m) {
        for (var e : words.entrySet()) {
            for (String w : e.getValue()) {
                if (Matching.normalizeConfigured(w).equals(m)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** The language the whole message names ("english", "nynorsk", …), if it names one. */
    public Optional<String> languageOf(String message) {
        return languageOfNormalized(Matching.normalize(message));
    }

    private Optional<String> languageOfNormalized(String m) {
        for (var e : languageWords.entrySet()) {
            for (String w : e.getValue()) {
                if (Matching.normalizeConfigured(w).equals(m)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    public Texts text(String key) {
        return texts.get(key);
    }
}
