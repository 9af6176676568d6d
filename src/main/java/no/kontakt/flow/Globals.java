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
                      String menuScript, String menuStep, Map<String, Texts> texts, Location location) {

    public enum Word { STOP, START, HELP, MENU, ERASE }

    /** The texts the engine needs from global.yaml. */
    public static final Set<String> TEXT_KEYS = Set.of("opted_out", "opted_in", "help", "not_understood",
            "erase_confirm", "erase_cancelled", "erased", "risk", "language_changed", "failed",
            "appointment_booked", "appointment_reminder", "appointment_yes", "appointment_no", "feedback_question", "feedback_thanks");

    public Globals {
        words = Map.copyOf(words);
        languageWords = Map.copyOf(languageWords);
        texts = Map.copyOf(texts);
    }

    /** The global word the whole message is, if it is one (case, accents and punctuation ignored). */
    public Optional<Word> wordOf(String message) {
        String m = Matching.normalize(message);
        for (var e : words.entrySet()) {
            for (String w : e.getValue()) {
                if (Matching.normalize(w).equals(m)) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }

    /** The language the whole message names ("english", "nynorsk", …), if it names one. */
    public Optional<String> languageOf(String message) {
        String m = Matching.normalize(message);
        for (var e : languageWords.entrySet()) {
            for (String w : e.getValue()) {
                if (Matching.normalize(w).equals(m)) {
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
