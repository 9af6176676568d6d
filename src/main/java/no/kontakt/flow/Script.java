package no.kontakt.flow;

import java.util.Map;

/**
 * A conversation script: named steps and where to start, as one version of one file. {@code intents}: a message
 * with one of these intents starts this script (from the first message, or from a step that {@code understands}
 * it). {@code slots}: what this script gathers from any message the citizen writes in it (channel, window, name),
 * forgotten when the script starts again.
 */
public record Script(String name, int version, String description, String start, Map<String, Step> steps, String source, Location location,
                     java.util.List<String> intents, java.util.List<String> slots) {
    public Script {
        steps = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(steps));
        intents = intents == null ? java.util.List.of() : java.util.List.copyOf(intents);
        slots = slots == null ? java.util.List.of() : java.util.List.copyOf(slots);
    }

    public Script(String name, int version, String description, String start, Map<String, Step> steps, String source, Location location) {
        this(name, version, description, start, steps, source, location, null, null);
    }

    public Step step(String id) {
        return steps.get(id);
    }

    public Script withVersion(int newVersion) {
        return new Script(name, newVersion, description, start, steps, source, location, intents, slots);
    }
}
