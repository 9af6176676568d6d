package no.kontakt.flow;

import java.util.Map;
import java.util.Set;

/**
 * One text in every language ({@code nb: "Hei {{name}}"}), with the placeholders it uses. Rendering picks the
 * conversation's language, then the unit's default, then any.
 */
public record Texts(Map<String, String> byLanguage, Location location, Map<String, Location> locations) {
    public Texts {
        byLanguage = Map.copyOf(byLanguage);
        locations = Map.copyOf(locations);
    }

    public String in(String language, String fallback) {
        String text = byLanguage.get(language);
        if (text == null) {
            text = byLanguage.get(fallback);
        }
        return text != null ? text : byLanguage.values().stream().sorted().findFirst().orElse("");
    }

    public Set<String> languages() {
        return byLanguage.keySet();
    }

    public Location locationOf(String language) {
        return locations.getOrDefault(language, location);
    }
}
