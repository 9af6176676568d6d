package no.kontakt.conversation;

import java.util.List;
import java.util.Map;

/**
 * The language a conversation starts in, from the sender's country code: +47 Norwegian, +45 Danish, +46
 * Swedish, other countries English — when the unit offers that language; otherwise the unit's default.
 * Later messages keep the conversation's language.
 */
public final class CountryCodeGuess implements LanguageGuess {
    private static final Map<String, String> BY_CODE = Map.of("+47", "nb", "+45", "da", "+46", "sv");

    private final List<String> languages;
    private final String defaultLanguage;

    public CountryCodeGuess(List<String> languages, String defaultLanguage) {
        this.languages = List.copyOf(languages);
        this.defaultLanguage = defaultLanguage;
    }

    @Override
    public String guess(String text, String from, String current) {
        if (current != null) {
            return current;
        }
        return byNumber(from);
    }

    /** The language the sender's country suggests, among the unit's; the unit's default otherwise. */
    public String byNumber(String from) {
        if (from == null || !from.startsWith("+")) {
            return defaultLanguage;
        }
        String language = BY_CODE.entrySet().stream().filter(e -> from.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("en");
        if ("nb".equals(language) && "nn".equals(defaultLanguage)) {
            language = "nn";
        }
        return languages.contains(language) ? language : defaultLanguage;
    }
}
