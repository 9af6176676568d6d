package no.kontakt.offers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.kontakt.flow.Segments;
import no.kontakt.flow.Templates;

/**
 * Reads a text given once per language (a title, a description, an SMS of the catalogue): every language of the
 * unit must be there; placeholders must be known; a text that costs more SMS than it needs (UCS-2 characters, too
 * long) is a warning.
 */
final class LanguageTexts {
    private final LocatedYaml yaml;
    private final List<String> languages;

    LanguageTexts(LocatedYaml yaml, List<String> languages) {
        this.yaml = yaml;
        this.languages = List.copyOf(languages);
    }

    Map<String, String> read(JsonNode node, String at, int maxChars, Set<String> placeholders) {
        Map<String, JsonNode> given = yaml.fields(node, at, "this", null);
        for (String language : languages) {
            if (!given.containsKey(language)) {
                yaml.error(at, "the " + language + " text is missing");
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        given.forEach((language, value) -> {
            String where = at + "/" + language;
            if (!languages.contains(language)) {
                yaml.warning(where, "'" + language + "' is not one of the unit's languages " + languages);
            }
            if (!value.isTextual() || value.asText().isBlank()) {
                yaml.error(where, "must be a text");
                return;
            }
            String text = value.asText().strip();
            out.put(language, text);
            checkPlaceholders(text, where, placeholders);
            checkCost(text, where, maxChars);
        });
        return out;
    }

    /** The texts are missing altogether. */
    Map<String, String> missing(String at, String key) {
        yaml.error(at, "'" + key + "' is missing: give one text per language (" + String.join(", ", languages) + ")");
        return Map.of();
    }

    private void checkPlaceholders(String text, String where, Set<String> known) {
        Templates.syntaxError(text).ifPresent(e -> yaml.error(where, "the {{placeholders}} are broken: " + e));
        for (String name : Templates.placeholders(text)) {
            if (!known.contains(name)) {
                yaml.error(where, "{{" + name + "}} is not known here"
                        + (known.isEmpty() ? "" : " (known: " + String.join(", ", new TreeSet<>(known)) + ")"));
            }
        }
    }

    private void checkCost(String text, String where, int maxChars) {
        for (Segments.Culprit c : Segments.ucs2Culprits(text)) {
            yaml.warning(where, "'" + c.character() + "' makes the SMS UCS-2 (70 characters a segment instead of 160)"
                    + (c.suggestion() == null ? "" : "; write '" + c.suggestion() + "' instead"));
        }
        if (text.length() > maxChars) {
            yaml.warning(where, "the text has " + text.length() + " characters; keep it under " + maxChars + " so the SMS stays short");
        }
    }
}
