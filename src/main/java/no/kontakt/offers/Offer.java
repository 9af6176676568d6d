package no.kontakt.offers;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A group, course or activity in the catalogue: its title and short SMS description per language, who it is for,
 * who runs it, where, when it meets, and how joining works. {@code capacity} null means no limit; without
 * {@code signup} people just come; {@code waitingList} says whether a full offer takes a waiting list;
 * {@code isPublic} puts it in the public calendar feed.
 */
public record Offer(String id, Category category, Map<String, String> title, Map<String, String> description, Audience audience,
                    String organiser, String place, List<SessionRule> sessions, Integer capacity, boolean signup,
                    boolean waitingList, boolean isPublic) {
    public Offer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        title = Map.copyOf(title);
        description = Map.copyOf(description);
        audience = audience == null ? Audience.ALL : audience;
        sessions = List.copyOf(sessions);
    }

    public String title(String language) {
        return inLanguage(title, language);
    }

    public String description(String language) {
        return inLanguage(description, language);
    }

    /** True when joining can take a seat only while one is free. */
    public boolean limited() {
        return capacity != null;
    }

    static String inLanguage(Map<String, String> texts, String language) {
        String text = texts.get(language);
        if (text != null) {
            return text;
        }
        return texts.getOrDefault("en", texts.isEmpty() ? "" : texts.values().iterator().next());
    }
}
